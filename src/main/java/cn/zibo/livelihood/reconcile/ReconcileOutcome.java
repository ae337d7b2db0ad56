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
		return String.format("待核实的差异%d个（新发现%d个，仍未解决%d个），已解决%d个", findings, opened, findings - opened, closed);
	}

}
