package innopoints.engine.policy;

/**
 * A thing a policy rewards, the unit of "不重复": clauses of any document that name the same
 * matter reward the same thing, and one project is paid for it once (or, where the texts leave the
 * choice open, the subject picks one). {@code term} is its name in the documents' words;
 * {@code reading} says why clauses of different documents were judged the same matter.
 */
public record Matter(String id, String term, String reading) {}
