package innopoints.engine.calc;

import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;

import java.util.List;

/** A clause that applies but whose amount the text leaves to a decision ("一事一议", "给予补助"). */
public record Undetermined(Document document, Clause clause, String factId, List<Step> steps) {}
