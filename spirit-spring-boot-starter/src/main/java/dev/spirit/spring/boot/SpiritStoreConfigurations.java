package dev.spirit.spring.boot;

import dev.spirit.error.SpiritException;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.jdbc.JdbcStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three ways to the store, imported in order by {@link SpiritAutoConfiguration}: the first that
 * defines a {@link SpiritStore} wins, and none does when the application has its own.
 */
final class SpiritStoreConfigurations {
  private SpiritStoreConfigurations() {}

  /** The store named by {@code spirit.store-uri}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "spirit", name = "store-uri")
  static class FromUri {
    @Bean // closed with the context, after the Spirit bean (closing twice is harmless)
    @ConditionalOnMissingBean
    SpiritStore spiritUriStore(SpiritProperties properties) {
      return open("spirit.store-uri", String.valueOf(properties.getStoreUri()));
    }
  }

  /** A JDBC store over the application's DataSource (its primary one, if it has several). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.spirit.storage.jdbc.JdbcStore")
  @ConditionalOnBean(DataSource.class)
  static class FromDataSource {
    @Bean // closed with the context (the DataSource stays the application's)
    @ConditionalOnMissingBean
    SpiritStore spiritDataSourceStore(ObjectProvider<DataSource> dataSources) {
      DataSource dataSource = dataSources.getIfUnique();
      if (dataSource == null) {
        throw new SpiritConfigurationException(
            "spirit.store-uri",
            "unset, and the application has several DataSource beans, none of them primary: mark"
                + " the one for Spirit @Primary, or set spirit.store-uri");
      }
      try {
        return JdbcStore.open(dataSource);
      } catch (SpiritException e) {
        throw new SpiritConfigurationException(
            "spring.datasource",
            "Spirit cannot use the application's DataSource: "
                + String.valueOf(e.getMessage())
                + " (set spirit.store-uri to use another store)",
            e);
      }
    }
  }

  /** The file store at {@value SpiritAutoConfiguration#DEFAULT_STORE_URI}. */
  @Configuration(proxyBeanMethods = false)
  static class DefaultFile {
    @Bean // closed with the context, after the Spirit bean (closing twice is harmless)
    @ConditionalOnMissingBean
    SpiritStore spiritFileStore() {
      try {
        return SpiritStores.open(SpiritAutoConfiguration.DEFAULT_STORE_URI);
      } catch (SpiritException e) {
        throw new SpiritConfigurationException(
            "spirit.store-uri",
            "unset, so Spirit opened the default store "
                + SpiritAutoConfiguration.DEFAULT_STORE_URI
                + ", which failed: "
                + String.valueOf(e.getMessage())
                + " (set spirit.store-uri to choose another store)",
            e);
      }
    }
  }

  private static SpiritStore open(String property, String uri) {
    try {
      return SpiritStores.open(uri);
    } catch (SpiritException e) {
      throw new SpiritConfigurationException(property, String.valueOf(e.getMessage()), e);
    }
  }
}
