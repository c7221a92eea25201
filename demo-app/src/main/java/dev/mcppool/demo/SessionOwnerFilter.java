package dev.mcppool.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Binds each Streamable HTTP session to the {@code Authorization} that opened it, as servers that authenticate their
 * callers do: a request on the session that carries another credential is refused with 403 and never reaches the MCP
 * server. A request without a credential is let through: the libraries send some requests of a session from their
 * own threads (a stream, a notification), where a credential read from the caller's thread is missing.
 */
final class SessionOwnerFilter implements Filter {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Consumer<String> events;

    /** {@code events} is told {@code refused foreign-credential} for each refused request. */
    SessionOwnerFilter(Consumer<String> events) {
        this.events = events;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String credential = Objects.requireNonNullElse(http.getHeader("Authorization"), "");
        String session = http.getHeader(SESSION_HEADER);
        if (session == null) {
            // the session id is recorded as the server sets it, before the client can use it
            chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
                @Override
                public void setHeader(String name, String value) {
                    recordOwner(name, value, credential);
                    super.setHeader(name, value);
                }

                @Override
                public void addHeader(String name, String value) {
                    recordOwner(name, value, credential);
                    super.addHeader(name, value);
                }
            });
            return;
        }
        String owner = owners.get(session);
        if (owner != null && !credential.isEmpty() && !owner.equals(credential)) {
            events.accept("refused foreign-credential");
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN,
                    "this session was opened with another credential");
            return;
        }
        chain.doFilter(request, response);
    }

    private void recordOwner(String header, String session, String credential) {
        if (header.equalsIgnoreCase(SESSION_HEADER)) {
            owners.putIfAbsent(session, credential);
        }
    }
}
