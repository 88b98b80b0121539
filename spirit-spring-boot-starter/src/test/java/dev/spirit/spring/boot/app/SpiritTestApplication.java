package dev.spirit.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application that embeds Spirit: the starter does the rest. In a package of its own,
 * as an application's would be, so its component scan does not pick up the auto-configuration's
 * classes or the other tests' configurations.
 */
@SpringBootApplication
public class SpiritTestApplication {}
