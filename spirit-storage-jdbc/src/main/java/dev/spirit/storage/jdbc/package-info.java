/**
 * The JDBC storage backend: {@link dev.spirit.storage.jdbc.JdbcStore} keeps Spirit's records in H2
 * or PostgreSQL over any {@link javax.sql.DataSource}, and {@link
 * dev.spirit.storage.jdbc.JdbcStoreProvider} opens one from a {@code jdbc:h2:} or {@code
 * jdbc:postgresql:} store URI.
 */
@NullMarked
package dev.spirit.storage.jdbc;

import org.jspecify.annotations.NullMarked;
