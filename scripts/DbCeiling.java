import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The most pages per second the database alone can serve on this machine: client threads run a
 * page's queries (each with one {@code ?}, bound to the given id) back to back, with no web service
 * in between. A service's notes page can never be faster than this; compare the two figures.
 *
 * <pre>
 * java -cp mysql-connector-j.jar scripts/DbCeiling.java JDBC_URL USER PASSWORD ID THREADS SECONDS SQL...
 * </pre>
 */
public class DbCeiling {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    long id = Long.parseLong(args[3]);
    int threads = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    List<String> queries = Arrays.asList(args).subList(6, args.length);
    LongAdder pages = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    Thread[] clients = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      clients[t] =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                  while (!stop.get()) {
                    for (String sql : queries) {
                      try (PreparedStatement q = c.prepareStatement(sql)) {
                        q.setLong(1, id);
                        try (ResultSet rows = q.executeQuery()) {
                          while (rows.next()) {
                            rows.getString(1);
                          }
                        }
                      }
                    }
                    pages.increment();
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      clients[t].start();
    }
    Thread.sleep(3000); // warm-up: connections, statement caches, the JIT
    long before = pages.sum();
    long started = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long done = pages.sum() - before;
    double elapsed = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    for (Thread client : clients) {
      client.join();
    }
    System.out.printf(
        "database alone: %.0f pages/s (%d queries a page, %d client threads)%n",
        done / elapsed, queries.size(), threads);
  }
}
