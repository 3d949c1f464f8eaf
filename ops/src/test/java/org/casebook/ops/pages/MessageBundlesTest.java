package org.casebook.ops.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.ResultStatus;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;
import org.junit.jupiter.api.Test;

/** No text of a page is missing from either language: every key the templates use is in both bundles. */
class MessageBundlesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{key}} and {@code #{key(...)}}: the keys written out in the templates. */
    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

    @Test
    void bothLanguagesHoldTheSameKeys() throws IOException {
        Properties english = load("/messages.properties");
        Properties spanish = load("/messages_es.properties");
        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        english.stringPropertyNames().forEach(key -> assertThat(spanish.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyKeyTheTemplatesUseIsInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                Matcher keys = KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    used.add(keys.group(1));
                }
            }
        }
        // Keys built from a value: one for each value there is.
        for (Enum<?> value : Stream.of(Stage.values(), Gender.values(), SessionType.values(),
                FinancingInstrument.values(), AttestationMethod.values(), ClosureReason.values()).flatMap(Stream::of)
                .toList()) {
            used.add(prefix(value) + "." + value.name());
        }
        for (ResultStatus status : ResultStatus.values()) {
            used.add("evidence." + status.name());
        }
        ReferenceLists.AREAS.forEach(area -> used.add("area." + area));
        for (org.casebook.shared.actor.Role role : org.casebook.shared.actor.Role.values()) {
            used.add("role." + role.name());
        }
        for (String readModel : List.of(org.casebook.query.engagement.EngagementReadModel.NAME,
                org.casebook.query.figures.FiguresReadModel.NAME, org.casebook.query.reference.ReferenceReadModel.NAME)) {
            used.add("ops.model." + readModel);
        }
        for (String ended : List.of("SWITCHED", "CANCELLED", "FAILED")) {
            used.add("ops.last." + ended);
        }
        Properties english = load("/messages.properties");
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(key -> !english.containsKey(key)).toList()).as("missing keys").isEmpty();
    }

    private static String prefix(Enum<?> value) {
        return switch (value.getDeclaringClass().getSimpleName()) {
            case "Stage" -> "stage";
            case "Gender" -> "gender";
            case "SessionType" -> "sessionType";
            case "FinancingInstrument" -> "instrument";
            case "AttestationMethod" -> "method";
            default -> "closure";
        };
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
