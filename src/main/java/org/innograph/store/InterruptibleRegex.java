package org.innograph.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.innograph.vocabulary.IG;

/**
 * SPARQL {@code REGEX} and {@code REPLACE} that a time limit or a cancel can stop. Java's regular expressions
 * cannot be interrupted: a pattern with catastrophic backtracking ({@code (a+)+$}) would keep a thread busy
 * long past the query's time limit. Here the text is read through a {@link CharSequence} that checks the
 * query's cancel signal, so the match ends when the query is stopped. Embedded store only (a remote server
 * runs its own).
 */
final class InterruptibleRegex extends FunctionBase {

    static final String IRI = IG.FUNCTION + "regex";
    static final String REPLACE_IRI = IG.FUNCTION + "replace";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1000;

    static {
        FunctionRegistry.get().put(IRI, uri -> new InterruptibleRegex(false));
        FunctionRegistry.get().put(REPLACE_IRI, uri -> new InterruptibleRegex(true));
    }

    private final boolean replace;

    private InterruptibleRegex(boolean replace) {
        this.replace = replace;
    }

    /**
     * The query with every REGEX(…) and REPLACE(…) replaced by these functions; the caller keeps the original
     * for display.
     */
    static Query rewrite(Query query) {
        String text = query.toString().toUpperCase(java.util.Locale.ROOT);
        if (!text.contains("REGEX") && !text.contains("REPLACE")) {
            return query;
        }
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN function, ExprList args) {
                if (function instanceof E_Regex) {
                    return new E_Function(IRI, args);
                }
                if (function instanceof E_StrReplace) {
                    return new E_Function(REPLACE_IRI, args);
                }
                return super.transform(function, args);
            }
        });
    }

    @Override
    public void checkBuild(String uri, ExprList args) {
        int min = replace ? 3 : 2;
        if (args.size() != min && args.size() != min + 1) {
            throw new org.apache.jena.query.QueryBuildException((replace ? "REPLACE" : "REGEX") + " takes " + min
                    + " or " + (min + 1) + " arguments");
        }
    }

    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
        NodeValue text = args.get(0);
        String name = replace ? "REPLACE" : "REGEX";
        if (!text.isString() && !text.isLangString()) {
            throw new ExprEvalException(name + ": not a string: " + text);
        }
        int flagsAt = replace ? 3 : 2;
        String flags = args.size() > flagsAt ? args.get(flagsAt).getString() : "";
        Pattern pattern = pattern(args.get(1).getString(), flags);
        AtomicBoolean cancelled = env instanceof ExecutionContext context ? context.getCancelSignal() : null;
        Matcher matcher = pattern.matcher(new Watched(text.getString(), cancelled));
        if (!replace) {
            return NodeValue.makeBoolean(matcher.find());
        }
        NodeValue replacement = args.get(2);
        if (!replacement.isString()) {
            throw new ExprEvalException("REPLACE: the replacement is not a string: " + replacement);
        }
        String replaced = replaceAll(matcher, replacement.getString());
        if (replaced == null || replaced.equals(text.getString())) {
            return text;
        }
        String lang = text.asNode().getLiteralLanguage();
        return lang.isEmpty() ? NodeValue.makeString(replaced) : NodeValue.makeLangString(replaced, lang);
    }

    /** As Jena's REPLACE: a zero-length match after the first one replaces nothing (XPath forbids them). */
    private static String replaceAll(Matcher matcher, String replacement) {
        try {
            StringBuilder out = null;
            while (matcher.find()) {
                if (out == null) {
                    out = new StringBuilder();
                } else if (matcher.start() == matcher.end()) {
                    continue;
                }
                matcher.appendReplacement(out, replacement);
            }
            if (out == null) {
                return null;
            }
            matcher.appendTail(out);
            return out.toString();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: " + e.getMessage());
        }
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
        return exec(args, null);
    }

    private static Pattern pattern(String regex, String flags) {
        String key = flags + "\u0000" + regex;
        Pattern pattern = PATTERNS.get(key);
        if (pattern != null) {
            return pattern;
        }
        int bits = 0;
        for (char flag : flags.toCharArray()) {
            switch (flag) {
                case 'i' -> bits |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 's' -> bits |= Pattern.DOTALL;
                case 'm' -> bits |= Pattern.MULTILINE;
                case 'x' -> bits |= Pattern.COMMENTS;
                case 'q' -> bits |= Pattern.LITERAL;
                default -> throw new ExprEvalException("unknown regular expression flag '" + flag + "'");
            }
        }
        try {
            pattern = Pattern.compile(regex, bits);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("bad regular expression: " + e.getMessage());
        }
        if (PATTERNS.size() < MAX_CACHED) {
            PATTERNS.put(key, pattern);
        }
        return pattern;
    }

    /** The text, read through a check of the query's cancel signal every few thousand characters. */
    private record Watched(String text, AtomicBoolean cancelled, int[] reads) implements CharSequence {

        Watched(String text, AtomicBoolean cancelled) {
            this(text, cancelled, new int[1]);
        }

        @Override
        public char charAt(int index) {
            if (cancelled != null && (++reads[0] & 0xFFF) == 0 && cancelled.get()) {
                throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Watched(text.substring(start, end), cancelled, reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
