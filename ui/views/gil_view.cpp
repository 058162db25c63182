#include "ui/views/gil_view.h"

#include <QEvent>
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
QString duration(core::SimTime t) {
    return QString::fromStdString(formatDuration(t));
}
}  // namespace

// Every size of the drawing follows the font (presenter mode enlarges it 1.6x), and the
// boxes are as wide as the longest text they hold, so no text is clipped.
struct GilView::Metrics {
    int line = 16;      // a line of text
    int header = 40;    // process name and counters
    int batonRow = 60;  // the holder's box and the drop-request flag
    int holderWidth = 200;
    int flagWidth = 110;
    int waiterRow = 50;  // one row of the waiting queue
    int waiterWidth = 128;
    int queueLabel = 70;  // "waiting:" before the queue
    int threadRow = 20;   // one thread's total GIL wait
    int nameWidth = 150;  // the thread names of those rows
    int gap = 14;
    int minWidth = 300;  // below it the canvas scrolls instead of clipping text

    int waitersPerRow(int width) const {
        return std::max(1, (width - 24 - queueLabel) / (waiterWidth + 8));
    }
    int waiterRows(const core::GilProcessState& s, int width) const {
        const int n = static_cast<int>(s.waiters.size());
        return std::max(1, (n + waitersPerRow(width) - 1) / waitersPerRow(width));
    }
};

GilView::Metrics GilView::metrics() const {
    const QFontMetrics fm(font());
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    Metrics m;
    m.line = fm.height();
    m.gap = std::max(14, m.line * 3 / 4);
    m.header = 2 * m.line + 8;
    // The widest name and time the boxes will hold (a long wait: "999.999 ms").
    int names = bold.horizontalAdvance(QStringLiteral("Thread-10"));
    for (const auto& s : m_states) {
        for (const auto& w : s.threads)
            names = std::max(names, bold.horizontalAdvance(threadLabel(w.thread)));
    }
    const QString longTime = duration(999'999 * core::kMicrosecond);
    const int batonWidth = bold.horizontalAdvance(QStringLiteral("GIL")) + 18;
    m.holderWidth = std::max(
        200, batonWidth + 18 +
                 std::max({names, fm.horizontalAdvance(tr("holds it for %1").arg(longTime)),
                           fm.horizontalAdvance(tr("free: nobody holds the GIL"))}));
    m.flagWidth = 40 + std::max(bold.horizontalAdvance(tr("drop request!")),
                                fm.horizontalAdvance(tr("drop request")));
    m.batonRow = 2 * m.line + 28;
    m.waiterWidth =
        std::max(128, 16 + std::max(names, fm.horizontalAdvance(tr("waits %1").arg(longTime))));
    m.waiterRow = 2 * m.line + 22;
    m.queueLabel =
        12 + std::max(fm.horizontalAdvance(tr("queue:")), fm.horizontalAdvance(tr("waiting:")));
    m.threadRow = m.line + 6;
    m.nameWidth = std::max(150, names + 24);
    // The widest line: holder and flag, the counters, a thread's wait bar and its label.
    int widest = m.holderWidth + 12 + m.flagWidth;
    for (const auto& s : m_states) {
        widest = std::max(widest, fm.horizontalAdvance(countersText(s)));
        for (const auto& tw : s.threads)
            widest = std::max(widest, m.nameWidth + 60 + 16 + fm.horizontalAdvance(waitText(tw)));
        widest = std::max(widest, m.queueLabel + m.waiterWidth);
    }
    m.minWidth = widest + 24;
    return m;
}

QString GilView::countersText(const core::GilProcessState& s) const {
    return tr("hand-offs: %1   acquisitions: %2   switch interval: %3")
        .arg(s.handoffs)
        .arg(s.acquisitions)
        .arg(duration(s.interval));
}

QString GilView::waitText(const core::GilProcessState::ThreadWait& tw) const {
    return tr("GIL wait %1 \u00b7 %n turn(s)", "", static_cast<int>(tw.turns))
        .arg(duration(tw.wait));
}

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

void GilView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // Presenter mode changes the font: the boxes are measured again.
    if (event->type() == QEvent::FontChange) refresh();
}

void GilView::setShowSingleThreaded(bool on) {
    if (on == m_singleThreaded) return;
    m_singleThreaded = on;
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
        std::vector<int> threads(trace.processes().size(), 0);
        for (const auto& th : trace.threads())
            if (th.process < threads.size()) ++threads[th.process];
        bool lone = false;
        for (const std::uint32_t p : m_model.processes()) {
            if (!m_singleThreaded && p < threads.size() && threads[p] < 2) {
                lone = true;  // one thread: its GIL never changes hands
                continue;
            }
            core::GilProcessState s = m_model.stateAt(trace, p, t);
            if (s.threads.empty()) continue;  // its GIL has not been used yet at the cursor
            m_states.push_back(std::move(s));
        }
        if (m_states.empty())
            m_message =
                lone ? tr("Every process here has one thread, so its GIL never changes "
                          "hands. View > GIL lane per process > Every process shows them anyway.")
                     : tr("No thread has taken the GIL yet at this time");
    }
    m_canvas->setMinimumHeight(canvasHeight());
    m_canvas->setMinimumWidth(m_states.empty() ? 0 : metrics().minWidth);
    m_canvas->update();
}

int GilView::canvasHeight() const {
    if (m_states.empty()) return 120;
    const Metrics m = metrics();
    int h = m.gap;
    for (const auto& s : m_states)
        h += m.header + m.batonRow + m.waiterRow * m.waiterRows(s, m_canvas->width()) + 6 +
             m.threadRow * static_cast<int>(s.threads.size()) + 2 * m.gap;
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
    const Metrics m = metrics();
    const int lh = m.line;
    int y = area.top() + m.gap;
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
        p.drawText(QRect(left, y, right - left, lh + 2), Qt::AlignLeft | Qt::AlignVCenter, pname);
        p.setFont(font());
        p.setPen(muted);
        p.drawText(QRect(left, y + lh + 2, right - left, lh + 2), Qt::AlignLeft | Qt::AlignVCenter,
                   countersText(s));
        y += m.header;

        // --- the holder with the baton ---
        const QRect holderBox(left, y + 8, m.holderWidth, 2 * lh + 12);
        const QRectF baton(
            holderBox.left() + 6, holderBox.top() + (holderBox.height() - lh - 8) / 2.0,
            QFontMetrics(bold).horizontalAdvance(QStringLiteral("GIL")) + 18, lh + 8);
        const int textLeft = static_cast<int>(baton.right()) + 8 - holderBox.left();
        if (s.holder != core::kNone) {
            const QColor c = colour(s.holder);
            p.setPen(QPen(c.darker(130), 2));
            QColor fill = c;
            fill.setAlphaF(0.25f);
            p.setBrush(fill);
            p.drawRoundedRect(holderBox, 6, 6);
            p.setPen(text);
            p.setFont(bold);
            p.drawText(QRect(holderBox.left() + textLeft, holderBox.top() + 5,
                             holderBox.width() - textLeft - 4, lh),
                       Qt::AlignLeft | Qt::AlignVCenter, threadLabel(s.holder));
            p.setFont(font());
            p.setPen(muted);
            p.drawText(QRect(holderBox.left() + textLeft, holderBox.top() + 7 + lh,
                             holderBox.width() - textLeft - 4, lh),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       tr("holds it for %1").arg(duration(now - s.holderSince)));
            // The baton: a golden rod with "GIL" on it, in the holder's hand.
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
        const QRect flagBox(holderBox.right() + 12, y + 8, m.flagWidth, holderBox.height());
        {
            const bool lit = s.dropRequest;
            const QColor flagColour = lit ? QColor(0xe5, 0x39, 0x35) : grid;
            QPainterPath pole;
            const double px = flagBox.left() + 8;
            p.setPen(QPen(lit ? text : grid, 2));
            p.drawLine(QPointF(px, flagBox.top() + 4), QPointF(px, flagBox.bottom() - 4));
            const double fh = std::min(14.0, flagBox.height() / 3.0);
            QPolygonF flag;
            flag << QPointF(px, flagBox.top() + 4) << QPointF(px + 22, flagBox.top() + 4 + fh / 2)
                 << QPointF(px, flagBox.top() + 4 + fh);
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

        y += m.batonRow;

        // --- the queue of waiters, in request order, wrapping onto more rows ---
        p.setPen(muted);
        const int queueLeft = left + m.queueLabel;
        p.drawText(QRect(left, y, m.queueLabel, m.waiterRow), Qt::AlignLeft | Qt::AlignVCenter,
                   s.waiters.empty() ? tr("queue:") : tr("waiting:"));
        if (s.waiters.empty()) {
            p.drawText(QRect(queueLeft, y, right - queueLeft, m.waiterRow),
                       Qt::AlignLeft | Qt::AlignVCenter, tr("no thread is waiting for the GIL"));
        }
        const int perRow = m.waitersPerRow(area.width());
        for (std::size_t k = 0; k < s.waiters.size(); ++k) {
            const auto& w = s.waiters[k];
            const int col = static_cast<int>(k) % perRow;
            const int row = static_cast<int>(k) / perRow;
            const QRect box(queueLeft + col * (m.waiterWidth + 8), y + row * m.waiterRow + 4,
                            m.waiterWidth, m.waiterRow - 8);
            const QColor c = colour(w.thread);
            p.setPen(QPen(c, 1.5));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(box, 6, 6);
            p.setPen(text);
            p.drawText(QRect(box.left() + 6, box.top() + 3, box.width() - 10, lh),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(threadLabel(w.thread), Qt::ElideRight, box.width() - 10));
            const core::SimTime waited = now - w.since;
            p.setPen(muted);
            p.drawText(QRect(box.left() + 6, box.top() + 3 + lh, box.width() - 10, lh),
                       Qt::AlignLeft | Qt::AlignVCenter, tr("waits %1").arg(duration(waited)));
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
        y += m.waiterRow * m.waiterRows(s, area.width()) + 6;

        // --- per-thread GIL wait up to the cursor ---
        core::SimTime maxWait = 1;
        for (const auto& tw : s.threads) maxWait = std::max(maxWait, tw.wait);
        const int nameWidth = m.nameWidth;
        const int kThreadRow = m.threadRow;
        const int barLeft = left + nameWidth;
        int labels = 0;
        for (const auto& tw : s.threads)
            labels = std::max(labels, fm.horizontalAdvance(waitText(tw)));
        const int barWidth = std::max(60, right - barLeft - labels - 16);
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
                       Qt::AlignLeft | Qt::AlignVCenter, waitText(tw));
            y += kThreadRow;
        }
        y += m.gap;
        p.setPen(QPen(grid, 1));
        p.drawLine(left, y, right, y);
        y += m.gap;
    }
}

}  // namespace taskscope::ui
