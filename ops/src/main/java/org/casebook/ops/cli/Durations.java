package org.casebook.ops.cli;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.ITypeConverter;

/** Durations as the settings write them: {@code 500ms}, {@code 2s}, {@code 5m}. */
final class Durations implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return DurationStyle.detectAndParse(value);
    }
}
