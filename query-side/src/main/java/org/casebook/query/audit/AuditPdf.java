package org.casebook.query.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.casebook.shared.imported.Imported;

/** An audit history as a printable PDF (A4): a heading, then each event with its summary, payload and hash. */
public final class AuditPdf {

    private static final float MARGIN = 40;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private AuditPdf() {
    }

    public static byte[] render(AuditHistory.Read history, String verification, java.time.Instant printedAt,
                                Locale locale) {
        boolean spanish = "es".equals(locale.getLanguage());
        try (PDDocument document = new PDDocument(); Writer writer = new Writer(document)) {
            writer.line((spanish ? "Historial de auditoría del caso " : "Audit history of engagement ")
                    + history.engagementId(), BOLD, 14);
            writer.line((spanish ? "Impreso " : "Printed ") + printedAt + " · " + verification, REGULAR, 9);
            writer.line((spanish ? "Datos personales: " : "Personal data: ") + history.personalData(), REGULAR, 9);
            writer.gap(8);
            for (AuditHistory.Entry entry : history.entries()) {
                writer.line("#" + entry.sequence() + "  " + entry.recordedAt() + "  " + entry.type(), BOLD, 10);
                writer.line((spanish ? "Por " : "By ") + entry.actor().userId() + " (" + entry.actor().role() + ")"
                        + (entry.centerId() == null ? "" : (spanish ? ", centro " : ", center ") + entry.centerId())
                        + (entry.correlationId() == null ? "" : " · " + entry.correlationId()), REGULAR, 9);
                writer.line(entry.summary(), REGULAR, 9);
                if (entry.imported() != null) {
                    writer.line(provenance(entry, spanish), REGULAR, 9);
                }
                writer.line(entry.payload() == null ? "" : entry.payload().toString(), MONO, 7);
                writer.line("SHA-256 " + entry.hash(), MONO, 7);
                writer.gap(6);
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The audit history could not be printed", e);
        }
    }

    /** Lays lines out top to bottom, wrapping them to the page's width and starting pages as needed. */
    private static final class Writer implements AutoCloseable {

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, PDType1Font font, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String piece : wrap(printable(text), font, size, width)) {
                if (content == null || y < MARGIN + size) {
                    newPage();
                }
                y -= size * 1.3f;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(piece);
                content.endText();
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                line.append(text.charAt(i));
                if (font.getStringWidth(line.toString()) / 1000 * size > width) {
                    int cut = line.lastIndexOf(" ") > line.length() / 2 ? line.lastIndexOf(" ") + 1 : line.length() - 1;
                    lines.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** The standard fonts know Latin-1 (Spanish included); anything else prints as '?'. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
            if (text != null) {
                text.codePoints().forEach(c -> out.append(c == '·' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff)
                        ? (char) c : '?'));
            }
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    /** Where an imported event came from, and the legacy system's own verification when it is one. */
    private static String provenance(AuditHistory.Entry entry, boolean spanish) {
        Imported imported = entry.imported();
        String line = (spanish ? "Importado de " : "Imported from ") + imported.system()
                + (spanish ? ", lote " : ", batch ") + imported.batchId()
                + (spanish ? ", fila " : ", legacy row ") + imported.legacyId();
        Imported.LegacyVerification verification = entry.legacyVerification();
        if (verification != null) {
            line += (spanish ? "; verificado allí por " : "; verified there by ") + verification.verifiedBy()
                    + (verification.date() == null ? "" : (spanish ? " el " : " on ") + verification.date());
        }
        return line;
    }
}
