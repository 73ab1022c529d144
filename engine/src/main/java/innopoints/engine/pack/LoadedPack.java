package innopoints.engine.pack;

import innopoints.engine.policy.Pack;

import java.util.List;

/** A pack as read from disk: the pack (null if it could not be built), its worked cases and problems. */
public record LoadedPack(Pack pack, List<WorkedCase> cases, List<Problem> problems) {
    public boolean ok() { return pack != null && problems.isEmpty(); }
}
