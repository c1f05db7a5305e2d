package io.notejam.gateway.routing;

import com.google.re2j.Pattern;
import io.notejam.albconfig.model.Condition;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** One condition turned into a predicate with ALB's case and wildcard rules; values are OR-ed. */
final class CompiledCondition {
  private CompiledCondition() {}

  static Predicate<RequestFacts> compile(Condition condition) {
    List<String> values = condition.plainValues();
    List<String> regexes = condition.regexValues();
    return switch (condition.field()) {
      case Condition.PATH_PATTERN -> text(values, regexes, false, RequestFacts::path);
      case Condition.HOST_HEADER -> text(values, regexes, true, RequestFacts::hostWithoutPort);
      case Condition.HTTP_HEADER -> header(condition.httpHeaderConfig());
      case Condition.HTTP_REQUEST_METHOD -> facts -> values.contains(facts.method());
      case Condition.QUERY_STRING -> query(condition.queryStringConfig());
      case Condition.SOURCE_IP -> sourceIp(values);
      default -> throw new IllegalArgumentException("validated field: " + condition.field());
    };
  }

  private static Predicate<String> anyOf(
      List<String> values, List<String> regexes, boolean ignoreCase) {
    List<Predicate<String>> tests = new ArrayList<>();
    for (String value : values) {
      Glob glob = Glob.compile(value, ignoreCase, false);
      tests.add(glob::matches);
    }
    for (String regex : regexes) {
      Pattern pattern = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
      tests.add(subject -> subject != null && pattern.matcher(subject).find());
    }
    return subject -> {
      for (Predicate<String> test : tests) {
        if (test.test(subject)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Predicate<RequestFacts> text(
      List<String> values,
      List<String> regexes,
      boolean ignoreCase,
      java.util.function.Function<RequestFacts, String> subject) {
    Predicate<String> test = anyOf(values, regexes, ignoreCase);
    return facts -> test.test(subject.apply(facts));
  }

  private static Predicate<RequestFacts> header(Condition.HttpHeaderConfig config) {
    String name = config.httpHeaderName();
    Predicate<String> test = anyOf(config.values(), config.regexValues(), true);
    return facts -> {
      for (String value : facts.headers().getAll(name)) {
        if (test.test(value)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Predicate<RequestFacts> query(Condition.QueryStringConfig config) {
    List<Glob[]> pairs = new ArrayList<>();
    for (Condition.KeyValue pair : config.values()) {
      pairs.add(
          new Glob[] {
            pair.key() == null ? null : Glob.compile(pair.key(), true, true),
            Glob.compile(pair.value(), true, true)
          });
    }
    return facts -> {
      if (facts.query() == null) {
        return false;
      }
      for (String parameter : facts.query().split("&", -1)) {
        int equals = parameter.indexOf('=');
        String key = equals < 0 ? parameter : parameter.substring(0, equals);
        String value = equals < 0 ? "" : parameter.substring(equals + 1);
        for (Glob[] pair : pairs) {
          if ((pair[0] == null || pair[0].matches(key)) && pair[1].matches(value)) {
            return true;
          }
        }
      }
      return false;
    };
  }

  private static Predicate<RequestFacts> sourceIp(List<String> cidrs) {
    List<byte[][]> blocks = new ArrayList<>();
    for (String cidr : cidrs) {
      int slash = cidr.indexOf('/');
      try {
        byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        blocks.add(new byte[][] {network, mask(network.length, bits)});
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("validated CIDR: " + cidr, e);
      }
    }
    return facts -> {
      byte[] peer = facts.peer().getAddress();
      for (byte[][] block : blocks) {
        if (inBlock(peer, block[0], block[1])) {
          return true;
        }
      }
      return false;
    };
  }

  private static byte[] mask(int length, int bits) {
    byte[] mask = new byte[length];
    for (int i = 0; i < length; i++) {
      int remaining = Math.max(0, Math.min(8, bits - i * 8));
      mask[i] = (byte) (0xff << (8 - remaining));
    }
    return mask;
  }

  private static boolean inBlock(byte[] address, byte[] network, byte[] mask) {
    if (address.length != network.length) {
      return false;
    }
    for (int i = 0; i < address.length; i++) {
      if ((address[i] & mask[i]) != (network[i] & mask[i])) {
        return false;
      }
    }
    return true;
  }
}
