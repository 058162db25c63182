#include "ui/views/states_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/analysis/labels.h"
#include "ui/model/display_names.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

using core::ThreadState;

namespace {
constexpr qint64 kTravelMs = 450;
// Box centres as fractions of the widget (Silberschatz, figure 3.2).
QPointF centreFraction(ThreadState s) {
    switch (s) {
        case ThreadState::New:
            return {0.11, 0.16};
        case ThreadState::Ready:
            return {0.30, 0.50};
        case ThreadState::Running:
            return {0.70, 0.50};
        case ThreadState::Waiting:
            return {0.50, 0.86};
        case ThreadState::Terminated:
            return {0.89, 0.16};
    }
    return {0.5, 0.5};
}
}  // namespace

StatesView::StatesView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_theme(theme) {
    setObjectName(QStringLiteral("statesView"));
    m_clock.start();
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(controller, &SimulationController::programChanged, this, [this] {
        m_shown.clear();
        m_travel.clear();
    });
    connect(theme, &Theme::changed, this, qOverload<>(&QWidget::update));
}

void StatesView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void StatesView::refresh() {
    m_tokens =
        core::stateTokens(m_controller->trace(), m_controller->index(), m_controller->state());
    const qint64 now = m_clock.elapsed();
    const bool fresh = m_shown.isEmpty();
    for (const auto& t : m_tokens) {
        const auto shown = m_shown.value(t.thread, {t.state, -1});
        const bool moved =
            shown.first != t.state || (shown.second != t.changedAt && shown.second >= 0);
        if (!fresh && moved && shown.first != t.state) {
            // Travel along the arrow of the transition that brought it here.
            const core::Transition tr = core::transitionFor(shown.first, t.state);
            m_travel.insert(t.thread,
                            {tr != core::Transition::None ? tr : t.transition, shown.first, now});
        }
        m_shown.insert(t.thread, {t.state, t.changedAt});
    }
    update();
}

bool StatesView::animating() const {
    const qint64 now = m_clock.elapsed();
    for (const auto& t : m_travel)
        if (now - t.start < kTravelMs) return true;
    return false;
}

QRectF StatesView::stateBox(ThreadState state) const {
    const QPointF f = centreFraction(state);
    // Wide enough for the longest title ("Terminated (12)").
    const qreal titleW =
        QFontMetricsF(font()).horizontalAdvance(tr("Terminated") + QStringLiteral(" (00)")) * 1.1 +
        12;
    const qreal w = std::max({80.0, width() * 0.19, titleW});
    const qreal h = std::max(48.0, height() * 0.24);
    // Kept inside the widget when it is narrow.
    const qreal x = std::clamp(f.x() * width() - w / 2, 4.0, std::max(4.0, width() - w - 4));
    const qreal y = std::clamp(f.y() * height() - h / 2, 4.0, std::max(4.0, height() - h - 4));
    return QRectF(x, y, w, h);
}

qreal StatesView::tokenRadius() const {
    // As large as fits: the fullest box must hold all its tokens below its title.
    std::array<int, core::kThreadStateCount> counts{};
    for (const auto& t : m_tokens) ++counts[static_cast<std::size_t>(t.state)];
    const int most = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const QRectF box = stateBox(ThreadState::Ready);
    const qreal titleH = QFontMetricsF(font()).height() + 6;
    qreal r = std::clamp(std::min(width(), height()) / 28.0, 5.0, 18.0 * m_theme->fontScale());
    for (; r > 4; r -= 0.5) {
        const int perRow = std::max(1, static_cast<int>((box.width() - 6) / (2.3 * r)));
        const int rows = (most + perRow - 1) / perRow;
        if (rows * 2.3 * r <= box.height() - titleH) break;
    }
    return r;
}

QPointF StatesView::slotPoint(ThreadState state, int slot, int count) const {
    const QRectF box = stateBox(state);
    const qreal r = tokenRadius();
    const int perRow = std::max(1, static_cast<int>((box.width() - 6) / (2.3 * r)));
    const int rows = (count + perRow - 1) / perRow;
    const int row = slot / perRow;
    const int inRow = std::min(perRow, count - row * perRow);
    const int col = slot % perRow;
    const qreal titleH = QFontMetricsF(font()).height() + 6;
    const qreal free = box.height() - titleH;
    const qreal top = box.top() + titleH + (free - rows * 2.3 * r) / 2 + 1.15 * r;
    return {box.center().x() + (col - (inRow - 1) / 2.0) * 2.3 * r, top + row * 2.3 * r};
}

QPointF StatesView::tokenRestingPoint(std::uint32_t thread) const {
    std::array<int, core::kThreadStateCount> counts{};
    for (const auto& t : m_tokens) ++counts[static_cast<std::size_t>(t.state)];
    std::array<int, core::kThreadStateCount> nextSlot{};
    for (const auto& t : m_tokens) {
        const int slot = nextSlot[static_cast<std::size_t>(t.state)]++;
        if (t.thread == thread)
            return slotPoint(t.state, slot, counts[static_cast<std::size_t>(t.state)]);
    }
    return {};
}

QPainterPath StatesView::pathBetween(ThreadState from, ThreadState to, qreal bend) const {
    const QRectF a = stateBox(from);
    const QRectF b = stateBox(to);
    const QPointF ca = a.center(), cb = b.center();
    const QPointF d = cb - ca;
    const qreal len = std::hypot(d.x(), d.y());
    const QPointF n = len > 0 ? QPointF(-d.y() / len, d.x() / len) : QPointF(0, 0);
    const QPointF control = (ca + cb) / 2 + n * bend;
    // Clip the curve to the box edges by walking from each end.
    auto edge = [](const QRectF& box, QPointF inside, QPointF toward) {
        const QPointF dir = toward - inside;
        qreal t = 1;
        if (dir.x() != 0) t = std::min(t, std::abs(box.width() / 2 / dir.x()));
        if (dir.y() != 0) t = std::min(t, std::abs(box.height() / 2 / dir.y()));
        return inside + dir * t;
    };
    QPainterPath path(edge(a, ca, control));
    path.quadTo(control, edge(b, cb, control));
    return path;
}

QPainterPath StatesView::arrowPath(core::Transition t) const {
    const qreal bend = height() * 0.12;
    switch (t) {
        case core::Transition::Admit:
            return pathBetween(ThreadState::New, ThreadState::Ready, 0);
        case core::Transition::Dispatch:
            return pathBetween(ThreadState::Ready, ThreadState::Running, -bend);
        case core::Transition::Timeout:
            return pathBetween(ThreadState::Running, ThreadState::Ready, -bend);
        case core::Transition::Wait:
            return pathBetween(ThreadState::Running, ThreadState::Waiting, 0);
        case core::Transition::Wake:
            return pathBetween(ThreadState::Waiting, ThreadState::Ready, 0);
        case core::Transition::Exit:
            return pathBetween(ThreadState::Running, ThreadState::Terminated, 0);
        case core::Transition::None:
            break;
    }
    return {};
}

QString StatesView::transitionLabel(core::Transition t) const {
    switch (t) {
        case core::Transition::Admit:
            return tr("admit");
        case core::Transition::Dispatch:
            return tr("dispatch");
        case core::Transition::Timeout:
            return tr("timeout");
        case core::Transition::Wait:
            return tr("I/O or event wait");
        case core::Transition::Wake:
            return tr("I/O or event done");
        case core::Transition::Exit:
            return tr("exit");
        case core::Transition::None:
            break;
    }
    return {};
}

void StatesView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), m_theme->background());
    const qint64 now = m_clock.elapsed();
    const QFontMetricsF fm(font());

    // Arrows, with the one in use highlighted.
    QHash<int, bool> active;
    for (const auto& t : m_travel)
        if (now - t.start < kTravelMs) active.insert(static_cast<int>(t.transition), true);
    for (const core::Transition t :
         {core::Transition::Admit, core::Transition::Dispatch, core::Transition::Timeout,
          core::Transition::Wait, core::Transition::Wake, core::Transition::Exit}) {
        const QPainterPath path = arrowPath(t);
        const bool hot = active.contains(static_cast<int>(t));
        const QColor c = hot ? m_theme->cursor() : m_theme->mutedText();
        p.setPen(QPen(c, hot ? 3 : 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // Arrow head.
        const QPointF tip = path.pointAtPercent(1);
        const qreal angle = std::atan2(tip.y() - path.pointAtPercent(0.93).y(),
                                       tip.x() - path.pointAtPercent(0.93).x());
        const qreal s = 9;
        const QPointF head[3] = {tip,
                                 tip - QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * s,
                                 tip - QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * s};
        p.setBrush(c);
        p.setPen(Qt::NoPen);
        p.drawPolygon(head, 3);
        // Label beside the middle of the arrow.
        const QPointF mid = path.pointAtPercent(0.5);
        const QString label = transitionLabel(t);
        const qreal w = fm.horizontalAdvance(label);
        QPointF at = mid + QPointF(-w / 2, -6);
        if (t == core::Transition::Timeout) at = mid + QPointF(-w / 2, fm.ascent() + 4);
        if (t == core::Transition::Wait) at = mid + QPointF(8, 0);
        if (t == core::Transition::Wake) at = mid + QPointF(-w - 8, 0);
        p.setPen(hot ? m_theme->cursor() : m_theme->mutedText());
        p.drawText(at, label);
    }

    // Boxes.
    std::array<int, core::kThreadStateCount> counts{};
    for (const auto& t : m_tokens) ++counts[static_cast<std::size_t>(t.state)];
    for (int s = 0; s < core::kThreadStateCount; ++s) {
        const auto state = static_cast<ThreadState>(s);
        const QRectF box = stateBox(state);
        QColor fill = m_theme->stateColour(state, core::WaitReason::Io);
        fill.setAlpha(70);
        p.setBrush(fill);
        p.setPen(QPen(m_theme->stateColour(state, core::WaitReason::Io).darker(130), 1.5));
        p.drawRoundedRect(box, 8, 8);
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        p.setPen(m_theme->text());
        const QString name = [state, this] {
            switch (state) {
                case ThreadState::New:
                    return tr("New");
                case ThreadState::Ready:
                    return tr("Ready");
                case ThreadState::Running:
                    return tr("Running");
                case ThreadState::Waiting:
                    return tr("Waiting");
                case ThreadState::Terminated:
                    return tr("Terminated");
            }
            return QString();
        }();
        p.drawText(box.adjusted(4, 3, -4, 0), Qt::AlignTop | Qt::AlignHCenter,
                   QStringLiteral("%1 (%2)").arg(name).arg(counts[static_cast<std::size_t>(s)]));
        p.setFont(font());
    }

    // Tokens: resting in their box, or travelling along an arrow.
    const qreal r = tokenRadius();
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.8));
    p.setFont(small);
    bool moving = false;
    std::array<int, core::kThreadStateCount> nextSlot{};
    for (const auto& t : m_tokens) {
        const int slot = nextSlot[static_cast<std::size_t>(t.state)]++;
        QPointF at = slotPoint(t.state, slot, counts[static_cast<std::size_t>(t.state)]);
        const auto travel = m_travel.find(t.thread);
        if (travel != m_travel.end()) {
            const qreal progress = static_cast<qreal>(now - travel->start) / kTravelMs;
            if (progress < 1) {
                moving = true;
                const QPainterPath path = arrowPath(travel->transition);
                if (!path.isEmpty()) {
                    // Ease out, and land on the slot rather than the arrow's tip.
                    const qreal e = 1 - (1 - progress) * (1 - progress);
                    const QPointF onArrow = path.pointAtPercent(std::min(1.0, e / 0.85));
                    at = e < 0.85 ? onArrow : onArrow + (at - onArrow) * ((e - 0.85) / 0.15);
                }
            }
        }
        const QColor c = m_theme->threadColour(t.thread);
        p.setBrush(c);
        p.setPen(QPen(m_theme->background(), 1.5));
        p.drawEllipse(at, r, r);
        p.setPen(Theme::textOn(c));
        // A short distinct label (the tooltip gives the full name), shrunk to fit the token.
        const QString label = tokenLabel(t.thread);
        QFont fit = small;
        while (QFontMetricsF(fit).horizontalAdvance(label) > 2 * r - 2 && fit.pointSizeF() > 5)
            fit.setPointSizeF(fit.pointSizeF() - 0.5);
        p.setFont(fit);
        p.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, label);
        p.setFont(small);
    }
    p.setFont(font());
    if (moving) QTimer::singleShot(16, this, qOverload<>(&QWidget::update));
}

QString StatesView::tokenLabel(std::uint32_t thread) const {
    const auto& threads = m_controller->trace().threads();
    if (thread >= threads.size()) return QString::number(thread + 1);
    // A name of up to three characters ("P1", "A") is its own label when no other thread has
    // it; otherwise T1, T2, ... by thread number.
    const std::string& name = threads[thread].name;
    if (!name.empty() && name.size() <= 3) {
        int same = 0;
        for (const auto& other : threads) same += other.name == name;
        if (same == 1) return QString::fromStdString(name);
    }
    return tr("T%1").arg(thread + 1);
}

QString StatesView::toolTipAt(const QPointF& pos) const {
    for (const auto& t : m_tokens) {
        const QPointF c = tokenRestingPoint(t.thread);
        if (QLineF(c, pos).length() > tokenRadius() + 2) continue;
        QString state = stateName(t.state);
        if (t.state == ThreadState::Waiting) state += tr(" (%1)").arg(reasonName(t.reason));
        return tr("<b>%1</b> (%6): %2 since %3<br>came from %4 (%5)")
            .arg(QString::fromStdString(core::threadLabel(m_controller->trace(), t.thread))
                     .toHtmlEscaped(),
                 state, QString::fromStdString(formatDuration(t.changedAt)), stateName(t.from),
                 causeName(t.cause), tokenLabel(t.thread));
    }
    return {};
}

bool StatesView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

}  // namespace taskscope::ui
