package cn.zibo.livelihood.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a sheet on a thread of its own, a few batches of rows ahead of the consumer, so that
 * reading a large file (unzipping and parsing XML, decoding text) runs beside checking and loading
 * its figures instead of taking turns with them. Rows reach the consumer in order, on the caller's
 * thread (which holds the transaction); memory stays at a few batches whatever the file's size.
 * {@link TabularFile#readRows}'s promises hold: the consumer's own exceptions reach the caller
 * unchanged, and rows read before a reading failure are delivered before it is thrown.
 */
public final class ReadAhead {

	private static final int BATCH = 512;

	private static final int BATCHES_AHEAD = 8;

	private static final Object END = new Object();

	private ReadAhead() {
	}

	/** What ended the reading thread, thrown again on the caller's. */
	private record Failure(Throwable thrown) {
	}

	public static void readRows(TabularFile file, String sheet, RowConsumer consumer) throws UnreadableFileException {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
		Handover handover = new Handover(queue);
		Thread reader = new Thread(() -> handover.read(file, sheet), "read-ahead " + sheet);
		reader.setDaemon(true);
		reader.start();
		try {
			while (true) {
				Object item = take(queue);
				if (item == END) {
					return;
				}
				if (item instanceof Failure failure) {
					rethrow(failure.thrown());
				}
				@SuppressWarnings("unchecked")
				List<SheetRow> rows = (List<SheetRow>) item;
				for (SheetRow row : rows) {
					if (!consumer.accept(row)) {
						return;
					}
				}
			}
		}
		finally {
			handover.stopped = true;
			queue.clear();
			join(reader);
		}
	}

	/** The reading thread's side. */
	private static final class Handover {

		private final BlockingQueue<Object> queue;

		private volatile boolean stopped;

		private List<SheetRow> batch = new ArrayList<>(BATCH);

		Handover(BlockingQueue<Object> queue) {
			this.queue = queue;
		}

		void read(TabularFile file, String sheet) {
			try {
				file.readRows(sheet, row -> {
					batch.add(row);
					if (batch.size() == BATCH) {
						pass();
					}
					return !stopped;
				});
				pass();
				put(END);
			}
			catch (Throwable thrown) {
				pass();
				put(new Failure(thrown));
			}
		}

		private void pass() {
			if (!batch.isEmpty()) {
				put(batch);
				batch = new ArrayList<>(BATCH);
			}
		}

		/** Waits for room, unless the consumer has stopped taking. */
		private void put(Object item) {
			try {
				while (!stopped && !queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
					// the consumer is busy: wait for it
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private static Object take(BlockingQueue<Object> queue) {
		try {
			return queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading", ex);
		}
	}

	private static void rethrow(Throwable thrown) throws UnreadableFileException {
		if (thrown instanceof UnreadableFileException unreadable) {
			throw unreadable;
		}
		if (thrown instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (thrown instanceof Error error) {
			throw error;
		}
		throw new IllegalStateException(thrown);
	}

	private static void join(Thread reader) {
		try {
			reader.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
