package cn.zibo.livelihood.report.progress;

import javax.xml.namespace.QName;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;

import cn.zibo.livelihood.report.progress.ReportStyles.Fill;

/**
 * The overview's chart: one horizontal bar per campaign, stacked by indicator status in the status
 * colours, drawn from the overview's own cells, so that it follows them when someone edits the
 * workbook. First campaign on top, as in the table.
 */
final class OverviewChart {

	static final String TITLE = "各专项行动量化指标进展情况";

	private OverviewChart() {
	}

	/**
	 * @param firstRow first campaign row; {@code lastRow} the last
	 * @param titleRow the row naming the statuses above their columns
	 * @param firstStatus the column of the first status count
	 */
	static XSSFChart draw(XSSFSheet sheet, int firstRow, int lastRow, int titleRow, int firstStatus, int top, int bottom,
			int columns) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, columns, bottom);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(TITLE);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis campaigns = chart.createCategoryAxis(AxisPosition.LEFT);
		campaigns.setOrientation(AxisOrientation.MAX_MIN);
		XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
		counts.setCrosses(AxisCrosses.MAX);
		counts.setCrossBetween(AxisCrossBetween.BETWEEN);
		counts.getOrAddMajorGridProperties();
		counts.setTitle("指标数（个）");
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, campaigns, counts);
		data.setBarDirection(BarDirection.BAR);
		data.setBarGrouping(BarGrouping.STACKED);
		data.setVaryColors(false);
		XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(firstRow, lastRow, 0, 0));
		for (int i = 0; i < ReportWords.PROGRESS.size(); i++) {
			int col = firstStatus + i;
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(firstRow, lastRow, col, col));
			XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(names, values);
			String status = ReportWords.PROGRESS.get(i);
			series.setTitle(ReportWords.chinese(status), new CellReference(sheet.getSheetName(), titleRow, col, true, true));
			series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(ReportStyles.hex(solid(ReportWords.fill(status))))));
		}
		chart.plot(data);
		stackTheBars(chart);
		return chart;
	}

	/**
	 * Stacked bars need the series to overlap fully and look better with narrower gaps. Set through
	 * the XML, as XDDF's setters need schema types that poi-ooxml-lite does not ship.
	 */
	private static void stackTheBars(XSSFChart chart) {
		CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
		attribute(bars.isSetGapWidth() ? bars.getGapWidth() : bars.addNewGapWidth(), "60");
		attribute(bars.isSetOverlap() ? bars.getOverlap() : bars.addNewOverlap(), "100");
	}

	private static void attribute(XmlObject element, String value) {
		try (XmlCursor cursor = element.newCursor()) {
			cursor.setAttributeText(new QName("val"), value);
		}
	}

	/** Stronger versions of the cells' light status colours, for bars. */
	private static String solid(Fill fill) {
		return switch (fill) {
			case GREEN -> "63BE7B";
			case BLUE -> "5B9BD5";
			case RED -> "E26B6B";
			default -> "BFBFBF";
		};
	}

}
