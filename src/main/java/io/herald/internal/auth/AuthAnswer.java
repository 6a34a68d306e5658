package io.herald.internal.auth;

import com.google.gson.JsonObject;

/** What the authorization endpoints answer: a status and a JSON body. */
record AuthAnswer(int status, String json) {

    static AuthAnswer ok(String json) {
        return new AuthAnswer(200, json);
    }

    static AuthAnswer badRequest(String message) {
        return error(400, message);
    }

    static AuthAnswer forbidden(String message) {
        return error(403, message);
    }

    static AuthAnswer error(int status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        return new AuthAnswer(status, body.toString());
    }
}
