package org.casebook.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metric names as Prometheus' conventions want them: Axon names its meters in camelCase and after their
 * type ({@code commandBus.allTimer}, {@code commandBus.failureCounter}), which Prometheus' own checks
 * refuse; they are exported as {@code command_bus_all_duration_seconds} and
 * {@code command_bus_failure_messages_total}; a gauge never ends in {@code _count}. The two JVM meters
 * counted in milliseconds or nanoseconds rather than seconds are left out ({@code process_cpu_usage}
 * and the JIT's own figures say the same).
 */
@Configuration(proxyBeanMethods = false)
class MetricNames {

    @Bean
    MeterFilter withoutSubSecondCounters() {
        return MeterFilter.deny(id -> "jvm.compilation.time".equals(id.getName()) || "process.cpu.time".equals(id.getName()));
    }

    @Bean
    MeterFilter snakeCaseMeterNames() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                Meter.Id named = name.chars().anyMatch(Character::isUpperCase) ? id.withName(dotted(name)) : id;
                // No gauge that reads as a histogram's count.
                if (named.getType() == Meter.Type.GAUGE && named.getName().endsWith(".count")) {
                    named = named.withName(named.getName().substring(0, named.getName().length() - ".count".length())
                            + ".quantity");
                }
                return named;
            }
        };
    }

    /** {@code commandBus.allTimer} as {@code command.bus.all.duration}, {@code ...failureCounter} as {@code ...failure.messages}. */
    static String dotted(String camelCase) {
        String named = camelCase.replaceAll("Timer$", "Duration").replaceAll("Counter$", "Messages");
        return named.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(java.util.Locale.ROOT);
    }
}
