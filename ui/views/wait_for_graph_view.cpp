#include "ui/views/wait_for_graph_view.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QSplitter>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>
#include <numbers>

#include "ui/model/display_names.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

class WaitForCanvas : public QWidget {
public:
    explicit WaitForCanvas(WaitForGraphView* view) : m_view(view) { setMinimumHeight(180); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        m_view->paintGraph(p, rect());
    }
    void resizeEvent(QResizeEvent* event) override {
        QWidget::resizeEvent(event);
        m_view->layoutNodes(rect());
    }

private:
    WaitForGraphView* m_view;
};

namespace {
QString conditionTitle(const std::string& name) {
    if (name == "mutual exclusion") return WaitForGraphView::tr("Mutual exclusion");
    if (name == "hold and wait") return WaitForGraphView::tr("Hold and wait");
    if (name == "no preemption") return WaitForGraphView::tr("No preemption");
    if (name == "circular wait") return WaitForGraphView::tr("Circular wait");
    return QString::fromStdString(name);
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The evidence of condition `i` of `g` (the core judges the conditions; the words are the
// GUI's, translated).
QString evidence(const core::Trace& trace, const core::WaitForGraph& g, std::size_t i) {
    const auto node = [&](int n) -> const core::WaitForGraph::Node& {
        return g.nodes[static_cast<std::size_t>(n)];
    };
    QStringList parts;
    switch (i) {
        case 0:
            for (const auto& h : g.exclusive)
                parts << QCoreApplication::translate("WaitForGraph", "%1 has one holder (%2)")
                             .arg(ui::nodeLabel(trace, node(h.object)), q(h.name));
            return parts.isEmpty() ? QCoreApplication::translate("WaitForGraph", "no lock is held")
                                   : parts.join(QStringLiteral("; "));
        case 1:
            for (const auto& hw : g.holdAndWait) {
                QStringList held;
                for (const int o : hw.held) held << q(node(o).name);
                parts << QCoreApplication::translate("WaitForGraph", "%1 holds %2 and waits for %3")
                             .arg(q(node(hw.thread).name), held.join(QStringLiteral(", ")),
                                  hw.waitsFor >= 0 ? q(node(hw.waitsFor).name)
                                                   : QStringLiteral("?"));
            }
            return parts.isEmpty() ? QCoreApplication::translate(
                                         "WaitForGraph", "no thread holds a lock while it waits")
                                   : parts.join(QStringLiteral("; "));
        case 2:
            return QCoreApplication::translate(
                "WaitForGraph",
                "a lock is released only by its holder; the kernel never takes it away");
        default:
            for (std::size_t k = 0; k + 1 < g.cycle.size(); k += 2)
                parts << QCoreApplication::translate("WaitForGraph", "%1 waits for %2 held by %3")
                             .arg(ui::nodeLabel(trace, node(g.cycle[k])),
                                  ui::nodeLabel(trace, node(g.cycle[k + 1])),
                                  ui::nodeLabel(trace, node(g.cycle[(k + 2) % g.cycle.size()])));
            return parts.isEmpty() ? QCoreApplication::translate("WaitForGraph",
                                                                 "no cycle in the wait-for graph")
                                   : parts.join(QStringLiteral("; "));
    }
}
}  // namespace

WaitForGraphView::WaitForGraphView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_theme(theme),
      m_canvas(new WaitForCanvas(this)),
      m_conditions(new QLabel) {
    setObjectName(QStringLiteral("waitForGraphView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // The checklist scrolls below the graph: with five philosophers its evidence is long.
    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(m_canvas);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_conditions);
    scroll->setMinimumHeight(fontMetrics().height() * 3);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({560, 440});
    layout->addWidget(split, 1);
    m_conditions->setObjectName(QStringLiteral("coffmanConditions"));
    m_conditions->setWordWrap(true);
    m_conditions->setTextFormat(Qt::RichText);
    m_conditions->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(theme, &Theme::changed, this, [this] { refresh(); });
}

void WaitForGraphView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void WaitForGraphView::refresh() {
    const SimulationController& c = *m_controller;
    m_graph = core::waitForGraph(c.trace(), c.state(), c.machine());
    const QColor alert = m_theme->colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    const QColor ok = m_theme->colourBlindSafe() ? QColor(0, 114, 178) : QColor(44, 160, 44);
    QString html =
        QStringLiteral("<b>%1</b>")
            .arg(m_graph.deadlocked ? tr("Deadlock: all four Coffman conditions hold")
                                    : tr("Coffman conditions (a deadlock needs all four)"));
    html += QStringLiteral("<table cellspacing=2>");
    for (std::size_t i = 0; i < m_graph.conditions.size(); ++i) {
        const auto& cond = m_graph.conditions[i];
        html +=
            QStringLiteral(
                "<tr><td style='color:%1'><b>%2</b></td><td><b>%3</b></td><td>%4</td></tr>")
                .arg((cond.holds ? (m_graph.deadlocked ? alert : ok) : m_theme->mutedText()).name(),
                     cond.holds ? QStringLiteral("\u2611") : QStringLiteral("\u2610"),
                     conditionTitle(cond.name),
                     evidence(m_controller->trace(), m_graph, i).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_conditions->setText(html);
    layoutNodes(m_canvas->rect());
    m_canvas->update();
}

void WaitForGraphView::layoutNodes(const QRect& area) {
    // Around an ellipse, in an order that puts each thread next to what it waits for and
    // the cycle first, so cycle edges are short and do not cross.
    const std::size_t n = m_graph.nodes.size();
    std::vector<int> order;
    std::vector<bool> placed(n, false);
    const auto place = [&](int k) {
        if (k >= 0 && !placed[static_cast<std::size_t>(k)]) {
            placed[static_cast<std::size_t>(k)] = true;
            order.push_back(k);
        }
    };
    for (const int k : m_graph.cycle) place(k);
    for (std::size_t k = 0; k < n; ++k) {
        if (!m_graph.nodes[k].thread) continue;
        // What it holds before it, what it waits for after it: held-by and waits-for
        // edges join neighbours on the ring instead of crossing it.
        for (const auto& e : m_graph.edges)
            if (e.to == static_cast<int>(k) && e.kind == core::WaitForGraph::Edge::Kind::HeldBy)
                place(e.from);
        place(static_cast<int>(k));
        for (const auto& e : m_graph.edges)
            if (e.from == static_cast<int>(k) && e.kind == core::WaitForGraph::Edge::Kind::WaitsFor)
                place(e.to);
    }
    for (std::size_t k = 0; k < n; ++k) place(static_cast<int>(k));
    m_positions.assign(n, QPointF());
    // Room for the legend below and a node's half height plus an edge label all round.
    const double lineH = m_canvas->fontMetrics().height();
    const QRectF ring = QRectF(area).adjusted(0, 0, 0, -lineH - 4);
    const QPointF centre = ring.center();
    const double rx = std::max(20.0, ring.width() / 2.0 - 70);
    const double ry = std::max(20.0, ring.height() / 2.0 - 1.2 * lineH - 4);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) /
                                                     static_cast<double>(order.size());
        m_positions[static_cast<std::size_t>(order[i])] =
            order.size() == 1 ? centre : centre + QPointF(rx * std::cos(a), ry * std::sin(a));
    }
}

void WaitForGraphView::renderPicture(QPainter& p, const QSize& size) {
    refresh();
    const int margin = 6;
    // The checklist as a text document on the picture's background, in the theme's text
    // colour, as tall as its text.
    QTextDocument checklist;
    checklist.setDefaultFont(m_conditions->font());
    checklist.setDocumentMargin(0);
    checklist.setHtml(m_conditions->text());
    checklist.setTextWidth(std::max(100, size.width() - 2 * margin));
    const int textHeight = static_cast<int>(std::ceil(checklist.size().height()));
    const QRect graph(0, 0, size.width(), std::max(120, size.height() - textHeight - 2 * margin));
    layoutNodes(graph);
    paintGraph(p, graph);
    p.save();
    p.translate(margin, graph.bottom() + 1 + margin);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, m_theme->text());
    checklist.documentLayout()->draw(&p, context);
    p.restore();
    layoutNodes(m_canvas->rect());  // the on-screen canvas keeps its own layout
}

QPointF WaitForGraphView::nodePosition(int n) const {
    return n >= 0 && static_cast<std::size_t>(n) < m_positions.size()
               ? m_positions[static_cast<std::size_t>(n)]
               : QPointF();
}

void WaitForGraphView::paintGraph(QPainter& p, const QRect& area) {
    if (m_positions.size() != m_graph.nodes.size()) layoutNodes(area);
    p.fillRect(area, m_theme->background());
    const QFontMetrics fm = p.fontMetrics();
    if (m_graph.nodes.empty()) {
        p.setPen(m_theme->mutedText());
        p.drawText(area.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No thread waits for or holds a lock at this instant."));
        return;
    }
    const QColor alert = m_theme->colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    const double r = fm.height() * 1.1;
    // Objects are drawn by name only (the square says "lock"); the full label is in the
    // checklist.
    const auto shownLabel = [&](const core::WaitForGraph::Node& node) {
        if (node.thread || node.index >= m_controller->trace().objects().size())
            return QString::fromStdString(node.label);
        const auto& object = m_controller->trace().objects()[node.index];
        // A join is named after its thread ("join thread-1"): worded in the interface's language.
        if (static_cast<core::ObjectKind>(object.kind) == core::ObjectKind::Join)
            return ui::objectLabel(core::ObjectKind::Join, object.name);
        return QString::fromStdString(object.name);
    };
    const auto nodeSize = [&](const core::WaitForGraph::Node& node) {
        const double w = std::max(2 * r, fm.horizontalAdvance(shownLabel(node)) + 14.0);
        return QSizeF(w, node.thread ? 2 * r : 1.6 * r);
    };
    // Edges first, clipped at the node borders, with an arrow head.
    for (const auto& e : m_graph.edges) {
        const QPointF a = m_positions[static_cast<std::size_t>(e.from)];
        const QPointF b = m_positions[static_cast<std::size_t>(e.to)];
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1) continue;
        const QPointF u = d / len;
        const auto inset = [&](int node) {
            const QSizeF s = nodeSize(m_graph.nodes[static_cast<std::size_t>(node)]);
            // Distance from the centre to the border of the box along u.
            const double tx = std::abs(u.x()) > 1e-6 ? s.width() / 2 / std::abs(u.x()) : 1e9;
            const double ty = std::abs(u.y()) > 1e-6 ? s.height() / 2 / std::abs(u.y()) : 1e9;
            return std::min(tx, ty) + 2;
        };
        const QPointF from = a + u * inset(e.from);
        const QPointF to = b - u * inset(e.to);
        const bool red = e.inCycle && m_graph.deadlocked;
        const bool waits = e.kind == core::WaitForGraph::Edge::Kind::WaitsFor;
        QPen pen(red ? alert : m_theme->text(), red ? 2.6 : 1.4);
        if (waits) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawLine(from, to);
        const QPointF nrm(-u.y(), u.x());
        const double ah = 9;
        const QPointF head[3] = {to, to - u * ah + nrm * ah * 0.45, to - u * ah - nrm * ah * 0.45};
        p.setPen(Qt::NoPen);
        p.setBrush(red ? alert : m_theme->text());
        p.drawPolygon(head, 3);
        // The label halfway, offset to the side.
        const QString label = waits ? tr("waits for") : tr("held by");
        // Outside the ring of nodes, so the labels of two edges meeting at a node stay apart.
        const QPointF half = (from + to) / 2;
        const QPointF out = half - QRectF(area).center();
        const QPointF side = QPointF::dotProduct(nrm, out) < 0 ? -nrm : nrm;
        const double lw = fm.horizontalAdvance(label);
        const double push =
            std::abs(side.x()) * (lw / 2 + 4) + std::abs(side.y()) * (fm.height() * 0.7);
        const QPointF mid = half + side * push;
        p.setPen(red ? alert : m_theme->mutedText());
        p.drawText(QRectF(mid.x() - lw / 2 - 2, mid.y() - fm.height() / 2.0, lw + 4, fm.height()),
                   Qt::AlignCenter, label);
    }
    for (std::size_t k = 0; k < m_graph.nodes.size(); ++k) {
        const auto& node = m_graph.nodes[k];
        const QSizeF s = nodeSize(node);
        const QRectF box(m_positions[k] - QPointF(s.width() / 2, s.height() / 2), s);
        const bool red = node.inCycle && m_graph.deadlocked;
        p.setPen(QPen(red ? alert : m_theme->text(), red ? 2.6 : 1.2));
        if (node.thread) {
            p.setBrush(m_theme->threadColour(node.index));
            p.drawRoundedRect(box, r, r);
            p.setPen(Theme::textOn(m_theme->threadColour(node.index)));
        } else {
            p.setBrush(m_theme->headerBackground());
            p.drawRect(box);
            p.setPen(m_theme->text());
        }
        p.drawText(box, Qt::AlignCenter, shownLabel(node));
    }
    // The legend.
    p.setPen(m_theme->mutedText());
    p.drawText(area.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignBottom,
               tr("\u25cb thread   \u25a1 lock / object   - - waits for   \u2014 held by"));
}

}  // namespace taskscope::ui
