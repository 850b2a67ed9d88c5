package org.innograph.sparql;

import java.util.List;

import org.innograph.store.QuerySupervisor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the store is working on, and a way to stop it ({@code /admin/**} needs the writer's credentials). */
@RestController
class RunningQueriesController {

    private final QuerySupervisor supervisor;

    RunningQueriesController(QuerySupervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** A running query as an operator sees it. */
    record RunningQuery(long id, String query, String client, String started, long elapsedMillis) {

        static RunningQuery of(QuerySupervisor.Ticket ticket) {
            return new RunningQuery(ticket.id(), ticket.text(), ticket.client(), ticket.started().toString(),
                    ticket.elapsed().toMillis());
        }
    }

    @GetMapping("/admin/queries")
    List<RunningQuery> running() {
        return supervisor.running().stream().map(RunningQuery::of).toList();
    }

    @DeleteMapping("/admin/queries/{id}")
    ResponseEntity<Void> cancel(@PathVariable("id") long id) {
        if (supervisor.cancel(id).isEmpty()) {
            throw new SparqlProtocolException(HttpStatus.NOT_FOUND, "No running query " + id
                    + " (it may have finished): GET /admin/queries lists the running ones");
        }
        return ResponseEntity.noContent().build();
    }
}
