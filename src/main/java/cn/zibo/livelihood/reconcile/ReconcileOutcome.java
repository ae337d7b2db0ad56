package cn.zibo.livelihood.reconcile;

/**
 * What one reconcile run did.
 *
 * @param findings discrepancies found now (all of them open after the run)
 * @param opened findings not open before this run
 * @param closed findings open before this run and no longer found
 */
public record ReconcileOutcome(int findings, int opened, int closed) {

	public String describe() {
		return String.format("%d open finding(s): %d new, %d still open; %d closed", findings, opened, findings - opened,
				closed);
	}

}
