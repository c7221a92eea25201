package dev.mcppool.adapter;

import java.net.URI;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server's label shows of its command line and URL, for every library and transport: the parts that commonly
 * carry credentials are {@code ***}. Only labels go through here; keys compare the values as they are.
 */
public final class Redaction {

    private static final String HIDDEN = "***";
    /** A URI reference, absolute or relative, in its parts (RFC 3986, appendix B): authority, path, query, fragment. */
    private static final Pattern URI_REFERENCE =
            Pattern.compile("(?:[^:/?#]+:)?(?://([^/?#]*))?([^?#]*)(\\?[^#]*)?(#.*)?", Pattern.DOTALL);
    /** A URI with an authority inside an argument: {@code postgresql://app:pw@db/prod}, {@code --url=redis://…}. */
    private static final Pattern URI_IN_ARGUMENT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S*");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|secret|passw|pwd|api[-_]?key|auth|credential|bearer|cookie|private[-_]?key|header).*");
    private static final Pattern BEARER = Pattern.compile("(?i).*\\bbearer\\s+\\S+.*");
    /**
     * A credential as a {@code name=value} pair anywhere in an argument: connection strings put them after other
     * pairs ({@code host=db user=app password=pw}, {@code jdbc:sqlserver://db;user=app;password=pw}).
     */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(passw(?:or)?d|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key)=[^;&\\s]*");

    private Redaction() {
    }

    /**
     * The command and its arguments, with {@code ***} for the user info, query and fragment of any URI in an argument
     * ({@code postgresql://***@db/prod}) and for the value of anything that looks like a credential: after a flag
     * such as {@code --api-key} or {@code --header}, in {@code token=…} or {@code Authorization: …} form.
     */
    public static String commandLine(String command, List<String> arguments) {
        StringJoiner shown = new StringJoiner(" ").add(command);
        boolean valueOfASecretFlag = false;
        for (String argument : arguments) {
            shown.add(valueOfASecretFlag ? HIDDEN : shownArgument(argument));
            valueOfASecretFlag = argument.startsWith("-") && argument.indexOf('=') < 0
                    && SECRET_NAME.matcher(argument).matches();
        }
        return shown.toString();
    }

    /** The URL a transport reaches, {@code base} then {@code endpoint}, with user info, query and fragment hidden. */
    public static String url(URI base, String endpoint) {
        return shownUri(base.toString()) + shownUri(endpoint);
    }

    private static String shownArgument(String argument) {
        for (char separator : new char[] {'=', ':'}) {
            int at = argument.indexOf(separator);
            if (at > 0 && SECRET_NAME.matcher(argument.substring(0, at)).matches()) {
                return argument.substring(0, at + 1) + HIDDEN;
            }
        }
        if (BEARER.matcher(argument).matches()) {
            return HIDDEN;
        }
        String uris = URI_IN_ARGUMENT.matcher(argument).replaceAll(found -> Matcher.quoteReplacement(
                shownUri(found.group())));
        return SECRET_PAIR.matcher(uris).replaceAll("$1=" + HIDDEN);
    }

    /** The user info ({@code user:password@}), the query and the fragment of a URI reference as {@code ***}. */
    private static String shownUri(String reference) {
        Matcher parts = URI_REFERENCE.matcher(reference);
        parts.matches(); // always true: every part is optional and the path takes whatever the others leave
        StringBuilder shown = new StringBuilder().append(reference, 0, parts.end(2)); // scheme, authority, path
        String authority = parts.group(1);
        int userInfoEnd = authority == null ? -1 : authority.lastIndexOf('@');
        if (userInfoEnd >= 0) {
            shown.replace(parts.start(1), parts.start(1) + userInfoEnd, HIDDEN);
        }
        if (parts.group(3) != null) {
            shown.append('?').append(HIDDEN);
        }
        if (parts.group(4) != null) {
            shown.append('#').append(HIDDEN);
        }
        return shown.toString();
    }
}
