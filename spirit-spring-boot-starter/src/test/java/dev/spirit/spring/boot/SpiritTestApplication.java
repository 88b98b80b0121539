package dev.spirit.spring.boot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that embeds Spirit: the starter does the rest. */
@SpringBootApplication
public class SpiritTestApplication {}
