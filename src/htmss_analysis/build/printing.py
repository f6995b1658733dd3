"""The print edition through the stock tools: ``jupyter nbconvert --to htmss_pdf``.

An nbconvert exporter the package registers (entry point ``htmss_pdf``): it
exports the executed notebook with the ``htmss`` template, exactly as the
build does, then prints that page with :func:`htmss_analysis.io.pdf.render_pdf`,
the build's own printer. The same executed notebook gives the same PDF bytes
through either door.
"""

from __future__ import annotations

from nbconvert.exporters import HTMLExporter
from traitlets import default

from .. import paths
from ..io.pdf import render_pdf
from .jobs import TEMPLATE


class PrintEditionExporter(HTMLExporter):
    """Export a report notebook as its A4 print edition (PDF)."""

    export_from_notebook = "HTMSS print edition (PDF)"
    # The page is the htmss template's HTML (its mimetype), printed to PDF bytes after.
    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self):
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self):
        return ".html.j2"  # the htmss template's page (index.html.j2), not a PDF template

    @default("template_name")
    def _template_name_default(self):
        return TEMPLATE

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self):
        return [str(paths.templates())]

    def from_notebook_node(self, nb, resources=None, **kw):
        """Return the PDF of the report's page, as bytes, and the resources."""
        page, resources = super().from_notebook_node(nb, resources=resources, **kw)
        resources["output_extension"] = ".pdf"
        return render_pdf(page.encode("utf-8")), resources
