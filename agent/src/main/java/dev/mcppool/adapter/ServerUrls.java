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
    public static String redacted(URI base, String endpointPath) {
        StringBuilder shown = new StringBuilder().append(base.getScheme()).append("://");
        if (base.getRawUserInfo() != null) {
            shown.append("***@");
        }
        shown.append(base.getHost());
        if (base.getPort() >= 0) {
            shown.append(':').append(base.getPort());
        }
        shown.append(base.getRawPath() == null ? "" : base.getRawPath());
        if (base.getRawQuery() != null) {
            shown.append("?***");
        }
        int query = endpointPath.indexOf('?');
        shown.append(query < 0 ? endpointPath : endpointPath.substring(0, query) + "?***");
        return shown.toString();
    }
}
