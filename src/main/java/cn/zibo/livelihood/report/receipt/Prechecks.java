package cn.zibo.livelihood.report.receipt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.Inbox;
import cn.zibo.livelihood.ingest.Mappings;
import cn.zibo.livelihood.ingest.SubmissionReader;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.validate.Figure;

/**
 * Pre-checks (预检): a file is read and checked exactly as ingest would, and gets a receipt marked
 * 预检, but nothing is loaded or recorded and the file stays where it is. Lets a clerk check a file
 * before the deadline; duplicates and replacement of earlier figures are not judged, since they
 * depend on what is loaded when the file is really sent.
 */
@Component
public class Prechecks {

	private final PipelineProperties properties;

	private final CurrentCatalogue catalogue;

	private final Receipts receipts;

	Prechecks(PipelineProperties properties, CurrentCatalogue catalogue, Receipts receipts) {
		this.properties = properties;
		this.catalogue = catalogue;
		this.receipts = receipts;
	}

	/** What a pre-check found. */
	public record Checked(Path file, String department, SubmissionReader.Result result, int valid, Path receipt) {
	}

	/** What reading a file found: the result, how many figures are valid, and the first of them. */
	record Read(SubmissionReader.Result result, int valid, List<Figure> listed) {
	}

	/** Reads and checks a file as ingest would, keeping nothing. */
	Read read(Path file, String fileName, Department department) {
		CurrentCatalogue.Versioned current = catalogue.get();
		Mappings mappings = Mappings.load(properties.mappings(), current.catalogue());
		List<Figure> listed = new ArrayList<>();
		int[] valid = { 0 };
		SubmissionReader.Result result = new SubmissionReader(current.catalogue(), mappings,
				properties.ingest().maxFileSize().toBytes()).read(file, fileName, department, figure -> {
					valid[0]++;
					if (listed.size() < ReceiptContent.MAX_LISTED) {
						listed.add(figure);
					}
				});
		return new Read(result, valid[0], listed);
	}

	/** Checks one file for a department, writing the receipt into {@code receiptFolder}. */
	public Checked check(Path file, Department department, Path receiptFolder) {
		Read read = read(file, file.getFileName().toString(), department);
		Path receipt = receipts.writePrecheck(receiptFolder, file.getFileName().toString(), department.name(), read.result(),
				read.listed(), read.valid(), catalogue.get());
		return new Checked(file, department.name(), read.result(), read.valid(), receipt);
	}

	/** Pre-checks every complete file in the inbox whose folder names a department; leaves them there. */
	public List<Checked> checkInbox() {
		List<Checked> checked = new ArrayList<>();
		Inbox inbox = new Inbox(properties.inbox(), properties.ingest().settle());
		for (Inbox.InboxFile file : inbox.scan()) {
			Optional<Department> department = catalogue.get().catalogue().department(file.folder()).filter(d -> !d.group());
			department.ifPresent(d -> checked.add(check(file.path(), d, file.path().getParent())));
		}
		return checked;
	}

}
