package dev.mcppool.adapter;

import java.net.URI;

/** How an HTTP server is named for per-server options: by the host and port of its URL, never its credentials. */
public final class ServerUrls {

    private ServerUrls() {
    }

    /** What per-server options match: the host, and the port if the URL has one. */
    public static String serverName(URI url) {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
