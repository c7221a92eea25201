package dev.mcppool.adapter;

import java.net.URI;

/** How an HTTP server is named in keys, per-server options and logs, without what a URL may carry of credentials. */
public final class ServerUrls {

    private ServerUrls() {
    }

    /** What per-server options match: the host, and the port if the URL has one. */
    public static String serverName(URI url) {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** The URL without what may carry credentials: user info and query values are shown as {@code ***}. */
    public static String redacted(URI url) {
        StringBuilder shown = new StringBuilder().append(url.getScheme()).append("://");
        if (url.getRawUserInfo() != null) {
            shown.append("***@");
        }
        shown.append(url.getHost());
        if (url.getPort() >= 0) {
            shown.append(':').append(url.getPort());
        }
        shown.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (url.getRawQuery() != null) {
            shown.append("?***");
        }
        return shown.toString();
    }
}
