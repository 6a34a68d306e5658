package dev;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The source the test edits: dev mode reloads the application on the next request, and this answers the new text. */
@Path("reloaded")
public class Reloaded {

    @GET
    public String generation() {
        return "generation-0";
    }
}
