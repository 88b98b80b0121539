package dev.spirit.storage.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on H2, beyond the TCK")
class H2StoreBehaviourTest extends JdbcStoreBehaviour {
  private final String url = "jdbc:h2:mem:behaviour-" + UUID.randomUUID();

  @Override
  protected JdbcStore newStore() {
    return (JdbcStore) new JdbcStoreProvider().open(url);
  }

  /** The same in-memory database, by name: it lives while the store's pool holds a connection. */
  @Override
  protected DataSource database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa"); // the user the provider opens H2 with when the URL names none
    return ds;
  }
}
