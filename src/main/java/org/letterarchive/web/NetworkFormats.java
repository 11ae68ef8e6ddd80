package org.letterarchive.web;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.letterarchive.search.Network;

/** A co-signer network as GEXF 1.3 (Gephi), GraphML (Cytoscape, yEd, Gephi) or a CSV edge list. */
final class NetworkFormats {

    private NetworkFormats() {}

    enum Format {
        json("application/json", "json"),
        gexf("application/gexf+xml; charset=utf-8", "gexf"),
        graphml("application/graphml+xml; charset=utf-8", "graphml"),
        csv("text/csv; charset=utf-8", "csv");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    static String gexf(Network n, String description) {
        return xml(w -> {
            w.writeStartElement("gexf");
            w.writeDefaultNamespace("http://gexf.net/1.3");
            w.writeAttribute("version", "1.3");
            w.writeStartElement("meta");
            element(w, "creator", "Letter Archive");
            element(w, "description", description);
            w.writeEndElement();
            w.writeStartElement("graph");
            w.writeAttribute("defaultedgetype", "undirected");
            w.writeAttribute("mode", "static");
            w.writeStartElement("attributes");
            w.writeAttribute("class", "node");
            w.writeEmptyElement("attribute");
            w.writeAttribute("id", "letters");
            w.writeAttribute("title", "letters");
            w.writeAttribute("type", "long");
            w.writeEndElement();
            w.writeStartElement("nodes");
            for (Network.Node node : n.nodes()) {
                w.writeStartElement("node");
                w.writeAttribute("id", clean(node.id()));
                w.writeAttribute("label", clean(node.label()));
                w.writeStartElement("attvalues");
                w.writeEmptyElement("attvalue");
                w.writeAttribute("for", "letters");
                w.writeAttribute("value", Long.toString(node.letters()));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("edges");
            int i = 0;
            for (Network.Edge e : n.edges()) {
                w.writeEmptyElement("edge");
                w.writeAttribute("id", Integer.toString(i++));
                w.writeAttribute("source", clean(e.source()));
                w.writeAttribute("target", clean(e.target()));
                w.writeAttribute("weight", Long.toString(e.weight()));
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static String graphml(Network n, String description) {
        return xml(w -> {
            w.writeStartElement("graphml");
            w.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            key(w, "label", "node", "label", "string");
            key(w, "letters", "node", "letters", "long");
            key(w, "weight", "edge", "weight", "long");
            w.writeStartElement("graph");
            w.writeAttribute("id", "cosigners");
            w.writeAttribute("edgedefault", "undirected");
            element(w, "desc", description);
            for (Network.Node node : n.nodes()) {
                w.writeStartElement("node");
                w.writeAttribute("id", clean(node.id()));
                data(w, "label", node.label());
                data(w, "letters", Long.toString(node.letters()));
                w.writeEndElement();
            }
            for (Network.Edge e : n.edges()) {
                w.writeStartElement("edge");
                w.writeAttribute("source", clean(e.source()));
                w.writeAttribute("target", clean(e.target()));
                data(w, "weight", Long.toString(e.weight()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** One row per edge: source, target (keys), their names, and the letters both signed. */
    static String csv(Network n) {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        n.nodes().forEach(x -> labels.put(x.id(), x.label()));
        StringBuilder sb = new StringBuilder(Csv.line(List.of("source", "target", "source_label", "target_label", "weight")));
        for (Network.Edge e : n.edges()) {
            sb.append(Csv.line(List.of(e.source(), e.target(), labels.getOrDefault(e.source(), e.source()),
                    labels.getOrDefault(e.target(), e.target()), Long.toString(e.weight()))));
        }
        return sb.toString();
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String name, String type) throws XMLStreamException {
        w.writeEmptyElement("key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", name);
        w.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        w.writeStartElement("data");
        w.writeAttribute("key", key);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    /** Text without the characters XML 1.0 cannot carry. */
    static String clean(String s) {
        if (s == null) return "";
        return s.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
    }

    @FunctionalInterface
    interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string", e);
        }
        return out.toString();
    }
}
