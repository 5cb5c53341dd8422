package tw.enforce.sync.center;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import tw.enforce.sync.protocol.ManifestSummary;

/**
 * Each unit's packages form a hash chain: sequence n names the SHA-256 of sequence n-1's manifest
 * (sequence 1 names {@link ManifestSummary#GENESIS}). Packages arrive out of order (priorities,
 * resends, several receivers), so a missing neighbour is a gap to watch, not a fault; a neighbour that
 * is present and disagrees, or a second package with the same sequence, is a broken chain.
 */
final class ChainCheck {
    private ChainCheck() {
    }

    static void check(Connection db, String unitId, String packageId, ManifestSummary m, String manifestSha)
            throws SQLException, ChainBrokenException {
        long seq = m.sequence();
        if (seq < 1) {
            throw new ChainBrokenException("chain: sequence " + seq + " of package " + packageId + " is below 1");
        }
        if (seq == 1 && !ManifestSummary.GENESIS.equals(m.previousManifestSha256())) {
            throw new ChainBrokenException("chain: package " + packageId + " is sequence 1 but names previous manifest "
                    + m.previousManifestSha256() + " instead of the genesis hash");
        }
        Neighbour same = find(db, unitId, seq);
        if (same != null) {
            throw new ChainBrokenException("chain: sequence " + seq + " of unit " + unitId + " is already held by package "
                    + same.packageId + ", not " + packageId);
        }
        Neighbour before = find(db, unitId, seq - 1);
        if (before != null && before.manifestSha != null && !before.manifestSha.equals(m.previousManifestSha256())) {
            throw new ChainBrokenException("chain: package " + packageId + " (sequence " + seq + ") names previous manifest "
                    + m.previousManifestSha256() + " but sequence " + (seq - 1) + " (" + before.packageId + ") has "
                    + before.manifestSha);
        }
        Neighbour after = find(db, unitId, seq + 1);
        if (after != null && after.previousSha != null && !after.previousSha.equals(manifestSha)) {
            throw new ChainBrokenException("chain: sequence " + (seq + 1) + " (" + after.packageId + ") names previous manifest "
                    + after.previousSha + " but package " + packageId + " (sequence " + seq + ") hashes to " + manifestSha);
        }
    }

    static List<ChainGap> gaps(Connection db) throws SQLException {
        List<ChainGap> gaps = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT unit_id, sequence FROM center_packages ORDER BY unit_id, sequence")) {
            String unit = null;
            long expected = 1;
            while (rs.next()) {
                String u = rs.getString(1);
                long seq = rs.getLong(2);
                if (!u.equals(unit)) {
                    unit = u;
                    expected = 1;
                }
                if (seq > expected) {
                    gaps.add(new ChainGap(u, expected, seq - 1));
                }
                expected = Math.max(expected, seq + 1);
            }
        }
        return gaps;
    }

    private record Neighbour(String packageId, String manifestSha, String previousSha) {
    }

    private static Neighbour find(Connection db, String unitId, long seq) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT package_id, manifest_sha256, previous_manifest_sha256 "
                + "FROM center_packages WHERE unit_id = ? AND sequence = ?")) {
            p.setString(1, unitId);
            p.setLong(2, seq);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new Neighbour(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }
}
