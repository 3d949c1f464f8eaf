package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without CASEBOOK_ADMIN_PASSWORD, the first start makes up the administrator's password and prints it once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    @TempDir
    Path data;

    @Test
    void aRandomPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        String password;
        try (CasebookInstance casebook = CasebookInstance.start(data, "--CASEBOOK_ADMIN_PASSWORD=")) {
            Matcher printed = Pattern.compile("Created the administrator 'admin' with the password (\\S+) \\(shown this once")
                    .matcher(output.getOut());
            assertThat(printed.find()).as("the password is printed").isTrue();
            password = printed.group(1);
            String credentials = java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes());
            assertThat(casebook.send("GET", "/api/admin/users/admin", null, "Authorization", "Basic " + credentials)
                    .status()).isEqualTo(200);
        }
        int printedBefore = output.getOut().split(Pattern.quote(password), -1).length - 1;
        try (CasebookInstance again = CasebookInstance.start(data, "--CASEBOOK_ADMIN_PASSWORD=")) {
            int printedAfter = output.getOut().split(Pattern.quote(password), -1).length - 1;
            assertThat(printedAfter).as("a second start prints nothing new").isEqualTo(printedBefore);
        }
    }
}
