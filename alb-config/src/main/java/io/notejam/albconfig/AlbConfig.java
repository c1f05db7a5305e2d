package io.notejam.albconfig;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.validation.LoadBalancerValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and validates a load balancer document (YAML, or JSON when the file ends in {@code .json}).
 *
 * <pre>{@code
 * LoadBalancer alb = AlbConfig.load(Path.of("routing/notejam-alb.yaml"));
 * }</pre>
 */
public final class AlbConfig {
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
  private static final ObjectMapper JSON = configure(new ObjectMapper());

  private AlbConfig() {}

  /**
   * Reads and validates the document at {@code path}.
   *
   * @throws AlbConfigException when the file cannot be read, has unknown or mistyped fields, or
   *     breaks an ELBv2 rule or limit
   */
  public static LoadBalancer load(Path path) throws AlbConfigException {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new AlbConfigException(
          path.toString(),
          List.of(
              new ConfigProblem(
                  "ValidationError", "CreateLoadBalancer", path.toString(), "Cannot read: " + e)));
    }
    return parse(text, path.getFileName().toString().endsWith(".json"), path.toString());
  }

  /** Reads and validates a document given as text; {@code source} names it in messages. */
  public static LoadBalancer parse(String text, boolean json, String source)
      throws AlbConfigException {
    LoadBalancer loadBalancer = read(text, json, source);
    List<ConfigProblem> problems = validate(loadBalancer);
    if (!problems.isEmpty()) {
      throw new AlbConfigException(source, problems);
    }
    return loadBalancer;
  }

  /** Every problem in a model built in code; empty when it is valid. */
  public static List<ConfigProblem> validate(LoadBalancer loadBalancer) {
    return new LoadBalancerValidator().validate(loadBalancer);
  }

  private static LoadBalancer read(String text, boolean json, String source)
      throws AlbConfigException {
    try {
      LoadBalancer loadBalancer = (json ? JSON : YAML).readValue(text, LoadBalancer.class);
      if (loadBalancer == null) {
        throw new AlbConfigException(
            source,
            List.of(
                new ConfigProblem(
                    "ValidationError", "CreateLoadBalancer", "input", "The document is empty")));
      }
      return loadBalancer;
    } catch (JsonProcessingException e) {
      throw new AlbConfigException(
          source,
          List.of(
              new ConfigProblem("ParamValidation", "CreateLoadBalancer", path(e), describe(e))));
    }
  }

  /** Worded as botocore's parameter validation words it. */
  private static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return "Parameter validation failed: Unknown parameter in "
          + parentPath(unknown)
          + ": \""
          + unknown.getPropertyName()
          + "\", must be one of: "
          + known;
    }
    if (e instanceof InvalidNullException) {
      return "Parameter validation failed: Invalid type for parameter " + path(e) + ", value: None";
    }
    if (e instanceof MismatchedInputException mismatch) {
      String type = mismatch.getTargetType() == null ? "value" : typeName(mismatch.getTargetType());
      return "Parameter validation failed: Invalid type for parameter "
          + path(e)
          + ", valid types: "
          + type;
    }
    String original = e.getOriginalMessage();
    return "The document is not valid YAML or JSON: "
        + original
        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")");
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (type == String.class) {
      return "string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "list";
    }
    return "structure";
  }

  private static String path(JsonProcessingException e) {
    return e instanceof JsonMappingException mapping
        ? render(mapping.getPath(), mapping.getPath().size())
        : "input";
  }

  private static String parentPath(JsonMappingException e) {
    return render(e.getPath(), e.getPath().size() - 1);
  }

  private static String render(List<JsonMappingException.Reference> references, int count) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < count; i++) {
      JsonMappingException.Reference reference = references.get(i);
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      }
    }
    return path.length() == 0 ? "input" : path.toString();
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    return mapper;
  }
}
