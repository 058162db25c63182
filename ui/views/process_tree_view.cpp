#include "ui/views/process_tree_view.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <algorithm>
#include <cmath>

#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
constexpr qint64 kGrowMs = 350;
constexpr qreal kMargin = 10;
constexpr qreal kIndent = 26;  // indented layout: one level
}  // namespace

ProcessTreeView::ProcessTreeView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_theme(theme) {
    setObjectName(QStringLiteral("processTreeView"));
    m_clock.start();
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(controller, &SimulationController::programChanged, this, [this] {
        m_appeared.clear();
        if (isVisible()) refresh();
    });
    connect(theme, &Theme::changed, this, qOverload<>(&QWidget::update));
}

void ProcessTreeView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void ProcessTreeView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && isVisible()) refresh();
}

void ProcessTreeView::refresh() {
    m_rows = core::psRows(m_controller->trace(), m_controller->index(), m_controller->state());
    m_nodes = core::layoutProcessTree(m_rows);
    const qint64 now = m_clock.elapsed();
    QHash<int, qint64> seen;
    for (const auto& r : m_rows) {
        // Processes present at the first paint do not grow: only those that appear while
        // the user watches.
        const qint64 since = m_appeared.isEmpty() ? now - kGrowMs : m_appeared.value(r.pid, now);
        seen.insert(r.pid, since);
    }
    m_appeared = seen;
    if (m_appeared.isEmpty()) m_appeared.insert(-1, 0);  // remember that a paint happened
    updateLayoutMode();
    update();
}

void ProcessTreeView::updateLayoutMode() {
    QFontMetricsF fm(font());
    qreal widest = 80;
    for (const auto& r : m_rows) widest = std::max(widest, fm.horizontalAdvance(boxText(r)) + 20);
    m_columnWidth = widest + 28;
    int lines = 0, depth = 0;
    for (const auto& n : m_nodes) {
        lines = std::max(lines, n.line + 1);
        depth = std::max(depth, n.depth + 1);
    }
    // Columns when they fit the space the view has (its scroll area's viewport), else the
    // indented tree, which is as wide as its deepest box.
    const qreal columns = depth * m_columnWidth + 2 * kMargin;
    const int available = parentWidget() ? parentWidget()->width() : width();
    m_indented = columns > available;
    qreal needed = columns;
    if (m_indented) {
        needed = 0;
        for (const auto& n : m_nodes) needed = std::max(needed, boxFor(n).right() + kMargin);
    }
    if (m_indented) lines = static_cast<int>(m_nodes.size());
    setMinimumSize(static_cast<int>(std::ceil(needed)),
                   static_cast<int>(lines * (fm.height() * 2.2) + 2 * kMargin));
}

void ProcessTreeView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const bool was = m_indented;
    updateLayoutMode();
    if (was != m_indented) update();
}

QString ProcessTreeView::boxText(const core::PsRow& row) const {
    QString text = QStringLiteral("%1 (%2)").arg(QString::fromStdString(row.name)).arg(row.pid);
    if (row.threads > 1) text += tr(" \u00d7%n threads", "", row.threads);
    if (row.look == core::ProcessLook::Zombie) text += tr(" <defunct>");
    return text;
}

QRectF ProcessTreeView::boxFor(const core::TreeNode& node) const {
    const QFontMetricsF fm(font());
    const qreal lineH = fm.height() * 2.2;
    const qreal boxH = lineH * 0.7;
    if (m_indented) {
        const qreal w = std::max<qreal>(
            60, fm.horizontalAdvance(boxText(m_rows[static_cast<std::size_t>(node.row)])) + 20);
        // One line per process, in the depth-first order of the nodes.
        const auto line = static_cast<qreal>(&node - m_nodes.data());
        return QRectF(kMargin + node.depth * kIndent, kMargin + line * lineH, w, boxH);
    }
    return QRectF(kMargin + node.depth * m_columnWidth, kMargin + node.line * lineH,
                  m_columnWidth - 28, boxH);
}

QRectF ProcessTreeView::nodeRect(int pid) const {
    for (const auto& n : m_nodes)
        if (m_rows[static_cast<std::size_t>(n.row)].pid == pid) return boxFor(n);
    return {};
}

void ProcessTreeView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), m_theme->background());
    const qint64 now = m_clock.elapsed();
    bool animating = false;
    // Edges first, so boxes sit on top.
    p.setPen(QPen(m_theme->mutedText(), 1.5));
    for (const auto& n : m_nodes) {
        if (n.parent < 0) continue;
        const QRectF a = boxFor(m_nodes[static_cast<std::size_t>(n.parent)]);
        const QRectF b = boxFor(n);
        if (m_indented) {
            // Down from under the parent, then right into the child.
            const qreal x = a.left() + kIndent / 2;
            QPainterPath path(QPointF(x, a.bottom()));
            path.lineTo(x, b.center().y());
            path.lineTo(b.left(), b.center().y());
            p.drawPath(path);
            continue;
        }
        const qreal midX = a.right() + 12;
        QPainterPath path(QPointF(a.right(), a.center().y()));
        path.lineTo(midX, a.center().y());
        path.lineTo(midX, b.center().y());
        path.lineTo(b.left(), b.center().y());
        p.drawPath(path);
    }
    for (const auto& n : m_nodes) {
        const core::PsRow& row = m_rows[static_cast<std::size_t>(n.row)];
        QRectF box = boxFor(n);
        const qreal grow =
            std::clamp(static_cast<qreal>(now - m_appeared.value(row.pid, 0)) / kGrowMs, 0.0, 1.0);
        if (grow < 1) {
            animating = true;
            // Grows out of the parent's side.
            box.setWidth(box.width() * (0.2 + 0.8 * grow));
        }
        QColor fill = m_theme->lookColour(row.look);
        const bool zombie = row.look == core::ProcessLook::Zombie;
        if (row.process == core::kNone) fill = m_theme->headerBackground();
        p.setOpacity(0.35 + 0.65 * grow);
        p.setBrush(fill);
        QPen border(zombie ? m_theme->mutedText() : m_theme->text(), zombie ? 1.2 : 1.0,
                    zombie ? Qt::DashLine : Qt::SolidLine);
        p.setPen(border);
        p.drawRoundedRect(box, 5, 5);
        p.setPen(zombie ? m_theme->mutedText() : Theme::textOn(fill));
        if (row.process == core::kNone) p.setPen(m_theme->text());
        p.drawText(
            box.adjusted(6, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
            QFontMetricsF(font()).elidedText(boxText(row), Qt::ElideRight, box.width() - 10));
        p.setOpacity(1);
    }
    if (m_nodes.empty()) {
        p.setPen(m_theme->mutedText());
        p.drawText(rect(), Qt::AlignCenter, tr("No processes at this time"));
    }
    if (animating) QTimer::singleShot(16, this, qOverload<>(&QWidget::update));
}

}  // namespace taskscope::ui
