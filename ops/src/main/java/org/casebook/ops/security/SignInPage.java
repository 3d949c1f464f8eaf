package org.casebook.ops.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser's sign-in form (with the embedded sign-in), in the browser's language or the one chosen
 * with {@code ?lang=}. Spring Security posts it to {@code /login}; a person throttled after too many
 * failures is sent back here with the wait.
 */
@Controller
@ConditionalOnProperty(name = "casebook.security.mode", havingValue = "embedded", matchIfMissing = true)
class SignInPage {

    @GetMapping(path = "/login", produces = "text/html;charset=UTF-8")
    String page(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
                @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("wait", wait);
        model.addAttribute("signedOut", logout != null);
        return "login";
    }
}
