package demo;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** Activates CDI's request context around each request, as a Jakarta EE server does and Weld SE does not. */
public class RequestContextFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestContextController context = CDI.current().select(RequestContextController.class).get();
        context.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            context.deactivate();
        }
    }
}
