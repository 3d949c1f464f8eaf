package org.casebook.ops.pages;

import org.casebook.query.progress.ReadYourWritesInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web UI's language: {@code ?lang=es} or {@code ?lang=en} on any page switches it and is kept for
 * the person ({@link PersonLocaleResolver}).
 */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration implements WebMvcConfigurer {

    private final ReadYourWritesInterceptor readYourWrites;

    PageConfiguration(ReadYourWritesInterceptor readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Bean
    LocaleResolver localeResolver(PersonLanguages languages) {
        return new PersonLocaleResolver(languages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**");
        // A page shown after a write waits, as an API read does, until the read models have it.
        registry.addInterceptor(readYourWrites).addPathPatterns("/", "/engagements/**", "/verification", "/dashboards/**",
                "/admin");
    }
}
