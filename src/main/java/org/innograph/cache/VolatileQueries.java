package org.innograph.cache;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletRequest;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Now;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunction0;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.Unstable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Queries whose answer is not fixed by the store's content: {@code SERVICE} (another server's data) and
 * {@code RAND()}, {@code NOW()}, {@code UUID()}, {@code STRUUID()}, {@code BNODE()} (a new value per run).
 * Their answers get no validator and are not kept; nor are answers made from a snapshot older than the store.
 */
public final class VolatileQueries {

    private static final String MARK = VolatileQueries.class.getName();

    private VolatileQueries() {
    }

    /** Marks the request's answer as not to be reused if it comes from a volatile query. */
    public static void check(Query query, ServletRequest request) {
        if (isVolatile(query)) {
            request.setAttribute(MARK, Boolean.TRUE);
        }
    }

    /**
     * Marks the answer of the request being handled on this thread, if any, as not to be reused: it was made
     * from something older than the store's version ({@link GenerationSnapshot}).
     */
    static void markCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            servlet.getRequest().setAttribute(MARK, Boolean.TRUE);
        }
    }

    static boolean isMarked(ServletRequest request) {
        return request.getAttribute(MARK) != null;
    }

    static boolean isVolatile(Query query) {
        AtomicBoolean found = new AtomicBoolean();
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                found.set(true);
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunction0 function) {
                check(function);
            }

            @Override
            public void visit(ExprFunction1 function) {
                check(function);
            }

            @Override
            public void visit(ExprFunctionN function) {
                check(function);
            }

            private void check(ExprFunction function) {
                // Jena marks RAND, UUID, STRUUID and BNODE as Unstable; NOW is fixed per run only.
                if (function instanceof Unstable || function instanceof E_Now) {
                    found.set(true);
                }
            }
        });
        return found.get();
    }
}
