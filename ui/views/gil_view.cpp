#include "ui/views/gil_view.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
constexpr int kHeader = 40;
constexpr int kBatonRow = 60;
constexpr int kWaiterRow = 50;
constexpr int kWaiterWidth = 128;
constexpr int kQueueLabel = 70;

int waitersPerRow(int width) {
    return std::max(1, (width - 24 - kQueueLabel) / (kWaiterWidth + 8));
}
int waiterRows(const core::GilProcessState& s, int width) {
    const int n = static_cast<int>(s.waiters.size());
    return std::max(1, (n + waitersPerRow(width) - 1) / waitersPerRow(width));
}
constexpr int kThreadRow = 20;
constexpr int kGap = 14;

QString duration(core::SimTime t) {
    return QString::fromStdString(formatDuration(t));
}
}  // namespace

class GilCanvas : public QWidget {
public:
    explicit GilCanvas(GilView* view) : m_view(view) { setMinimumHeight(120); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        m_view->paintCanvas(p, rect());
    }
    void resizeEvent(QResizeEvent* event) override {
        QWidget::resizeEvent(event);
        // The queue wraps: a narrower view needs more height.
        if (const int h = m_view->canvasHeight(); h != minimumHeight()) setMinimumHeight(h);
    }

private:
    GilView* m_view;
};

GilView::GilView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_theme(theme),
      m_scroll(new QScrollArea),
      m_canvas(new GilCanvas(this)) {
    setObjectName(QStringLiteral("gilView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_canvas);
    layout->addWidget(m_scroll);
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(controller, &SimulationController::programChanged, this, [this] {
        m_model.clear();
        m_revision = ~quint64{0};
        if (isVisible()) refresh();
    });
    if (theme) connect(theme, &Theme::changed, m_canvas, qOverload<>(&QWidget::update));
    refresh();
}

void GilView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void GilView::refresh() {
    const core::Trace& trace = m_controller->trace();
    if (m_revision != m_controller->revision()) {
        m_model.update(trace);
        m_revision = m_controller->revision();
    }
    m_states.clear();
    m_message.clear();
    const core::SimTime t = m_controller->cursor();
    if (m_controller->isPython() && !m_controller->pythonSettings().gil) {
        m_message = tr("free-threaded: no GIL (threads run side by side)");
    } else if (!m_model.hasGil()) {
        m_message = m_controller->isPython() ? tr("No GIL activity in this run yet")
                                             : tr("No GIL in this run: open a Python program (or a "
                                                  "workload with a GIL) to see it");
    } else {
        for (const std::uint32_t p : m_model.processes()) {
            core::GilProcessState s = m_model.stateAt(trace, p, t);
            if (s.threads.empty()) continue;  // its GIL has not been used yet at the cursor
            m_states.push_back(std::move(s));
        }
        if (m_states.empty()) m_message = tr("No thread has taken the GIL yet at this time");
    }
    m_canvas->setMinimumHeight(canvasHeight());
    m_canvas->update();
}

int GilView::canvasHeight() const {
    if (m_states.empty()) return 120;
    int h = kGap;
    for (const auto& s : m_states)
        h += kHeader + kBatonRow + kWaiterRow * waiterRows(s, m_canvas->width()) + 6 +
             kThreadRow * static_cast<int>(s.threads.size()) + 2 * kGap;
    return h;
}

QString GilView::threadLabel(std::uint32_t thread) const {
    const auto& threads = m_controller->trace().threads();
    return thread < threads.size() ? QString::fromStdString(threads[thread].name)
                                   : QString::number(thread);
}

void GilView::paintCanvas(QPainter& p, const QRect& area) {
    const QColor bg = m_theme ? m_theme->background() : palette().base().color();
    const QColor text = m_theme ? m_theme->text() : palette().text().color();
    const QColor muted = m_theme ? m_theme->mutedText() : palette().mid().color();
    const QColor grid = m_theme ? m_theme->grid() : palette().mid().color();
    p.fillRect(area, bg);
    if (!m_message.isEmpty()) {
        p.setPen(muted);
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        p.setFont(f);
        p.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const auto colour = [this](std::uint32_t th) {
        return m_theme ? m_theme->threadColour(th) : QColor(Qt::blue);
    };
    const core::SimTime now = m_controller->cursor();
    const auto& procs = m_controller->trace().processes();
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    int y = area.top() + kGap;
    const int left = area.left() + 12;
    const int right = area.right() - 12;
    for (const core::GilProcessState& s : m_states) {
        const core::SimTime interval = s.interval;  // in force at the cursor (the trace's)
        // --- header: process and counters ---
        const QString pname = s.process < procs.size()
                                  ? tr("%1 (pid %2)")
                                        .arg(QString::fromStdString(procs[s.process].name))
                                        .arg(procs[s.process].pid)
                                  : QString::number(s.process);
        p.setFont(bold);
        p.setPen(text);
        p.drawText(QRect(left, y, right - left, 20), Qt::AlignLeft | Qt::AlignVCenter, pname);
        p.setFont(font());
        p.setPen(muted);
        p.drawText(QRect(left, y + 20, right - left, 18), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("hand-offs: %1   acquisitions: %2   switch interval: %3")
                       .arg(s.handoffs)
                       .arg(s.acquisitions)
                       .arg(duration(interval)));
        y += kHeader;

        // --- the holder with the baton ---
        const QRect holderBox(left, y + 8, 200, 44);
        if (s.holder != core::kNone) {
            const QColor c = colour(s.holder);
            p.setPen(QPen(c.darker(130), 2));
            QColor fill = c;
            fill.setAlphaF(0.25f);
            p.setBrush(fill);
            p.drawRoundedRect(holderBox, 6, 6);
            p.setPen(text);
            p.setFont(bold);
            p.drawText(holderBox.adjusted(54, 2, -4, -22), Qt::AlignLeft | Qt::AlignVCenter,
                       threadLabel(s.holder));
            p.setFont(font());
            p.setPen(muted);
            p.drawText(holderBox.adjusted(54, 22, -4, -2), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("holds it for %1").arg(duration(now - s.holderSince)));
            // The baton: a golden rod with "GIL" on it, in the holder's hand.
            const QRectF baton(holderBox.left() + 6, holderBox.top() + 10, 42, 24);
            p.setPen(QPen(QColor(0x8d, 0x6e, 0x00), 1.5));
            p.setBrush(QColor(0xff, 0xc1, 0x07));
            p.drawRoundedRect(baton, 8, 8);
            p.setPen(Qt::black);
            p.setFont(bold);
            p.drawText(baton, Qt::AlignCenter, QStringLiteral("GIL"));
            p.setFont(font());
        } else {
            p.setPen(QPen(grid, 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(holderBox, 6, 6);
            p.setPen(muted);
            p.drawText(holderBox, Qt::AlignCenter, tr("free: nobody holds the GIL"));
        }

        // --- the drop request flag ---
        const QRect flagBox(holderBox.right() + 12, y + 8, 110, 44);
        {
            const bool lit = s.dropRequest;
            const QColor flagColour = lit ? QColor(0xe5, 0x39, 0x35) : grid;
            QPainterPath pole;
            const double px = flagBox.left() + 8;
            p.setPen(QPen(lit ? text : grid, 2));
            p.drawLine(QPointF(px, flagBox.top() + 4), QPointF(px, flagBox.bottom() - 4));
            QPolygonF flag;
            flag << QPointF(px, flagBox.top() + 4) << QPointF(px + 22, flagBox.top() + 11)
                 << QPointF(px, flagBox.top() + 18);
            p.setPen(Qt::NoPen);
            p.setBrush(lit ? flagColour : QColor(Qt::transparent));
            if (!lit) p.setPen(QPen(grid, 1));
            p.drawPolygon(flag);
            p.setPen(lit ? flagColour : muted);
            if (lit) p.setFont(bold);
            p.drawText(
                QRect(flagBox.left() + 34, flagBox.top(), flagBox.width() - 34, flagBox.height()),
                Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                lit ? tr("drop request!") : tr("drop request"));
            p.setFont(font());
        }

        y += kBatonRow;

        // --- the queue of waiters, in request order, wrapping onto more rows ---
        p.setPen(muted);
        const int queueLeft = left + kQueueLabel;
        p.drawText(QRect(left, y, kQueueLabel, kWaiterRow), Qt::AlignLeft | Qt::AlignVCenter,
                   s.waiters.empty() ? tr("queue:") : tr("waiting:"));
        if (s.waiters.empty()) {
            p.drawText(QRect(queueLeft, y, right - queueLeft, kWaiterRow),
                       Qt::AlignLeft | Qt::AlignVCenter, tr("no thread is waiting for the GIL"));
        }
        const int perRow = waitersPerRow(area.width());
        for (std::size_t k = 0; k < s.waiters.size(); ++k) {
            const auto& w = s.waiters[k];
            const int col = static_cast<int>(k) % perRow;
            const int row = static_cast<int>(k) / perRow;
            const QRect box(queueLeft + col * (kWaiterWidth + 8), y + row * kWaiterRow + 4,
                            kWaiterWidth, kWaiterRow - 8);
            const QColor c = colour(w.thread);
            p.setPen(QPen(c, 1.5));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(box, 6, 6);
            p.setPen(text);
            p.drawText(box.adjusted(6, 2, -4, -22), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(threadLabel(w.thread), Qt::ElideRight, box.width() - 10));
            const core::SimTime waited = now - w.since;
            p.setPen(muted);
            p.drawText(box.adjusted(6, 18, -4, -8), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("waits %1").arg(duration(waited)));
            // A bar that fills over one switch interval (then the waiter asks for a drop).
            const QRectF track(box.left() + 6, box.bottom() - 7, box.width() - 12, 4);
            p.setPen(Qt::NoPen);
            p.setBrush(grid);
            p.drawRect(track);
            const double f =
                interval > 0
                    ? std::min(1.0, static_cast<double>(waited) / static_cast<double>(interval))
                    : 1.0;
            p.setBrush(c);
            p.drawRect(QRectF(track.left(), track.top(), track.width() * f, track.height()));
        }
        y += kWaiterRow * waiterRows(s, area.width()) + 6;

        // --- per-thread GIL wait up to the cursor ---
        core::SimTime maxWait = 1;
        for (const auto& tw : s.threads) maxWait = std::max(maxWait, tw.wait);
        const int nameWidth = 150;
        const int barLeft = left + nameWidth;
        const int barWidth = std::max(60, right - barLeft - 220);
        for (const auto& tw : s.threads) {
            const QColor c = colour(tw.thread);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(QRectF(left, y + kThreadRow / 2.0 - 5, 10, 10));
            p.setPen(text);
            p.drawText(QRect(left + 16, y, nameWidth - 20, kThreadRow),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(threadLabel(tw.thread), Qt::ElideRight, nameWidth - 20));
            const double f = static_cast<double>(tw.wait) / static_cast<double>(maxWait);
            p.setBrush(grid);
            p.setPen(Qt::NoPen);
            p.drawRect(QRectF(barLeft, y + 6, barWidth, kThreadRow - 12));
            p.setBrush(m_theme
                           ? m_theme->stateColour(core::ThreadState::Waiting, core::WaitReason::Gil)
                           : QColor(Qt::red));
            p.drawRect(QRectF(barLeft, y + 6, barWidth * f, kThreadRow - 12));
            p.setPen(muted);
            p.drawText(QRect(barLeft + barWidth + 8, y, right - barLeft - barWidth - 8, kThreadRow),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       tr("GIL wait %1 \u00b7 %n turn(s)", "", static_cast<int>(tw.turns))
                           .arg(duration(tw.wait)));
            y += kThreadRow;
        }
        y += kGap;
        p.setPen(QPen(grid, 1));
        p.drawLine(left, y, right, y);
        y += kGap;
    }
}

}  // namespace taskscope::ui
