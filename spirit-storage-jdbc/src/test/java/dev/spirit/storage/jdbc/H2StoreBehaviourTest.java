package dev.spirit.storage.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on H2, beyond the TCK")
class H2StoreBehaviourTest extends JdbcStoreBehaviour {
  @Override
  protected JdbcStore newStore() {
    return (JdbcStore) new JdbcStoreProvider().open("jdbc:h2:mem:behaviour-" + UUID.randomUUID());
  }
}
