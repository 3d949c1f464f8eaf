package org.casebook.ops.security;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Roles decide which endpoints a person may call at all (a refusal here is 403);
 * which engagements they may touch (their centers, their programmes) is decided by the command and
 * query sides, where another center's engagement answers as if it did not exist.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration implements WebMvcConfigurer {

    private final JwtActors jwtActors;

    public SecurityConfiguration(JwtActors jwtActors) {
        this.jwtActors = jwtActors;
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Casebook's own users, their bcrypt-checked passwords remembered briefly (see {@link RememberedSignIns}). */
    @Bean
    public RememberedSignIns signIns(UserAccounts accounts, PasswordEncoder passwordEncoder,
                                     SecurityProperties properties, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new RememberedSignIns(passwords, properties.signIn().rememberFor(), clock);
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                                   ProblemWriter problems, SignInThrottle throttle) throws Exception {
        boolean embedded = properties.mode() == SecurityProperties.Mode.EMBEDDED;
        RefusingEntryPoints refusals = new RefusingEntryPoints(problems,
                embedded ? "Basic realm=\"Casebook\"" : "Bearer", embedded);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        // The pages: the same roles as the reads and writes they show.
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .requestMatchers("/ops", "/ops/**").hasRole("OPERATOR")
                        .requestMatchers("/verification", "/verification/**").hasRole("DIRECTOR")
                        .requestMatchers("/engagements/new", "/engagements/new/**").hasAnyRole("COUNSELOR", "DIRECTOR")
                        .requestMatchers(HttpMethod.POST, "/engagements/**").hasAnyRole("COUNSELOR", "DIRECTOR")
                        .requestMatchers("/engagements/*/audit").hasAnyRole("DIRECTOR", "DONOR")
                        .requestMatchers("/").authenticated()
                        .requestMatchers("/engagements/**", "/dashboards/**")
                        .hasAnyRole("COUNSELOR", "DIRECTOR", "DONOR")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/ops/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/api/engagements/*/personal-data/erasure")
                        .hasAnyRole("DIRECTOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/engagements", "/api/engagements/**")
                        .hasAnyRole("COUNSELOR", "DIRECTOR")
                        .requestMatchers(HttpMethod.GET, "/api/engagements/*/audit/verification")
                        .hasAnyRole("DIRECTOR", "DONOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/engagements/*/audit", "/api/engagements/*/audit/**")
                        .hasAnyRole("DIRECTOR", "DONOR")
                        .requestMatchers(HttpMethod.GET, "/api/audit/exports").hasAnyRole("DONOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit/signing-key").hasAnyRole("DONOR", "DIRECTOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit/readings").hasAnyRole("DIRECTOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/engagements", "/api/engagements/**")
                        .hasAnyRole("COUNSELOR", "DIRECTOR", "DONOR")
                        .requestMatchers(HttpMethod.GET, "/api/verification-queue").hasAnyRole("COUNSELOR", "DIRECTOR")
                        .requestMatchers(HttpMethod.GET, "/api/dashboards/**").hasAnyRole("COUNSELOR", "DIRECTOR", "DONOR")
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        if (embedded) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                    .formLogin(form -> form.loginPage("/login").permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                    // A browser's session needs a CSRF token; an API client that sends its credentials
                    // with every request (and only JSON bodies) does not.
                    .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                            .ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                                    && request.getRequestURI().startsWith("/api/")))
                    .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                    .addFilterBefore(new SignInThrottleFilter(throttle, problems),
                            UsernamePasswordAuthenticationFilter.class);
        } else {
            http.oauth2ResourceServer(server -> server
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtActors))
                            .authenticationEntryPoint(refusals)
                            .accessDeniedHandler(refusals))
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        }
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver(jwtActors));
    }
}
