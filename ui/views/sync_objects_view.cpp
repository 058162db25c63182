#include "ui/views/sync_objects_view.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

#include "core/analysis/labels.h"
#include "core/sync/kernel_object.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

using core::ObjectKind;

class SyncObjectsCanvas : public QWidget {
public:
    explicit SyncObjectsCanvas(SyncObjectsView* view) : m_view(view) {}

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        m_view->paintCards(p, width());
    }

private:
    SyncObjectsView* m_view;
};

namespace {
constexpr int kMaxBoxes = 24;  // a queue longer than this is drawn as a bar

QString kindName(ObjectKind k) {
    switch (k) {
        case ObjectKind::Lock:
            return SyncObjectsView::tr("Lock");
        case ObjectKind::RLock:
            return SyncObjectsView::tr("RLock");
        case ObjectKind::Semaphore:
            return SyncObjectsView::tr("Semaphore");
        case ObjectKind::BoundedSemaphore:
            return SyncObjectsView::tr("BoundedSemaphore");
        case ObjectKind::Event:
            return SyncObjectsView::tr("Event");
        case ObjectKind::Condition:
            return SyncObjectsView::tr("Condition");
        case ObjectKind::Barrier:
            return SyncObjectsView::tr("Barrier");
        case ObjectKind::Queue:
            return SyncObjectsView::tr("Queue");
        case ObjectKind::Join:
            return SyncObjectsView::tr("Join");
        case ObjectKind::Value:
            return SyncObjectsView::tr("Value");
    }
    return {};
}
}  // namespace

SyncObjectsView::SyncObjectsView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QScrollArea(parent),
      m_controller(controller),
      m_theme(theme),
      m_canvas(new SyncObjectsCanvas(this)) {
    setObjectName(QStringLiteral("syncObjectsView"));
    setWidget(m_canvas);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(theme, &Theme::changed, this, [this] { m_canvas->update(); });
}

void SyncObjectsView::changeEvent(QEvent* event) {
    QScrollArea::changeEvent(event);
    // Presenter mode changes the font: the boxes are measured again.
    if (event->type() == QEvent::FontChange) refresh();
}

void SyncObjectsView::showEvent(QShowEvent* event) {
    QScrollArea::showEvent(event);
    refresh();
}

int SyncObjectsView::cardHeight() const {
    return fontMetrics().height() * 4 + 14;
}

QString SyncObjectsView::cardTitle(std::size_t i) const {
    const core::SyncObjectRow& row = m_rows[i];
    // A join is named after the thread it waits for ("Join thread-1"), not "Join join thread-1".
    const QString name =
        row.kind == ObjectKind::Join && row.joinTarget != core::kNone
            ? QString::fromStdString(core::threadName(m_controller->trace(), row.joinTarget))
            : QString::fromStdString(row.name);
    QString title = kindName(row.kind) + QLatin1Char(' ') + name;
    // Two objects of one kind and name (a variable reused for a second queue): numbered in
    // the order they were created.
    int same = 0;
    int ordinal = 0;
    for (std::size_t k = 0; k < m_rows.size(); ++k)
        if (m_rows[k].kind == row.kind && m_rows[k].name == row.name) {
            ++same;
            if (k <= i) ++ordinal;
        }
    if (same > 1) title += QStringLiteral(" #%1").arg(ordinal);
    return title;
}

QString SyncObjectsView::threadChipLabel(std::uint32_t thread) const {
    const auto& trace = m_controller->trace();
    QString name = QString::fromStdString(core::threadName(trace, thread));
    // With several processes a waiter says which one it belongs to.
    std::size_t processes = 0;
    for (const auto& pinfo : trace.processes()) processes += pinfo.pid != 0;
    if (processes > 1 && thread < trace.threads().size()) {
        const auto p = trace.threads()[thread].process;
        if (p < trace.processes().size()) {
            const auto& info = trace.processes()[p];
            name += info.name == trace.threads()[thread].name
                        ? tr(" (pid %1)").arg(info.pid)
                        : tr(" (%1, pid %2)").arg(QString::fromStdString(info.name)).arg(info.pid);
        }
    }
    return name;
}

void SyncObjectsView::refresh() {
    const SimulationController& c = *m_controller;
    m_rows = core::syncObjectRows(c.trace(), c.index(), c.state(), c.machine());
    const int width = std::max(200, viewport()->width());
    int h = 8;
    for (std::size_t i = 0; i < m_rows.size(); ++i) h += layoutCard(nullptr, i, 0, width);
    m_canvas->setMinimumHeight(std::max(1, h));
    m_canvas->update();
}

void SyncObjectsView::resizeEvent(QResizeEvent* event) {
    QScrollArea::resizeEvent(event);
    refresh();  // cards wrap: their heights follow the width
}

QString SyncObjectsView::detailText(const core::SyncObjectRow& row) const {
    const auto& trace = m_controller->trace();
    QString detail;
    switch (row.kind) {
        case ObjectKind::Lock:
        case ObjectKind::RLock:
            detail = row.holder == core::kNone ? tr("free")
                                               : tr("held by %1").arg(threadChipLabel(row.holder));
            detail += tr(" \u00b7 %n acquisition(s)", "", row.acquisitions);
            break;
        case ObjectKind::Queue:
            detail = row.capacity > 0 ? tr("%1 of %2 items \u00b7 high-water %3")
                                            .arg(row.value)
                                            .arg(row.capacity)
                                            .arg(row.highWater)
                                      : tr("%1 items (unbounded) \u00b7 high-water %2")
                                            .arg(row.value)
                                            .arg(row.highWater);
            break;
        case ObjectKind::Event:
            detail = row.value ? tr("set") : tr("clear");
            break;
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore:
            detail = tr("value %1").arg(row.value);
            break;
        case ObjectKind::Barrier:
            detail =
                tr("%1 of %2 arrived")
                    .arg(row.value)
                    .arg(row.capacity > 0 ? QString::number(row.capacity) : QStringLiteral("?"));
            break;
        case ObjectKind::Condition:
            detail = tr("%n waiting for notify", "", static_cast<int>(row.waiters.size()));
            break;
        case ObjectKind::Join:
            detail =
                row.joinTarget == core::kNone
                    ? QString()
                    : tr("until %1 ends")
                          .arg(QString::fromStdString(core::threadName(trace, row.joinTarget)));
            break;
        case ObjectKind::Value:
            detail = tr("%n write(s) so far", "", row.stores) +
                     tr(" \u00b7 lost updates: %1").arg(row.lostUpdates);
            break;
    }
    return detail;
}

void SyncObjectsView::paintCards(QPainter& p, int width) {
    p.fillRect(QRect(0, 0, width, m_canvas->height()), m_theme->background());
    p.setFont(font());
    if (m_rows.empty()) {
        const int lineH = QFontMetrics(font()).height();
        p.setPen(m_theme->mutedText());
        p.drawText(
            QRect(8, 8, width - 16, lineH * 4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
            tr("This run has no locks, queues, events or shared values.\nOpen a lesson such as "
               "\"Deadlock: two locks\" or \"Bounded queue\" to see them here."));
        return;
    }
    int y = 4;
    for (std::size_t i = 0; i < m_rows.size(); ++i) y += layoutCard(&p, i, y, width);
}

// Lays out card `i` at `top` over `width` and paints it when `p` is given; returns its height.
// The detail goes beside the title when it fits, else under it; the waiting threads wrap.
int SyncObjectsView::layoutCard(QPainter* p, std::size_t i, int top, int width) const {
    const core::SyncObjectRow& row = m_rows[i];
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    const int lineH = fm.height();
    const int chipH = lineH + 6;
    const QColor alert = m_theme->colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    const int left = 4 + 8;
    const int right = width - 4 - 8;
    const QString title = cardTitle(i);
    const int titleW = bfm.horizontalAdvance(title);
    const QString detail = detailText(row);
    const int detailW = fm.horizontalAdvance(detail);
    const bool detailBeside = left + titleW + 8 + detailW <= right;
    int y = top + 3;
    const int titleY = y;
    y += lineH;
    QRect detailRect;
    if (detailBeside) {
        detailRect = QRect(left + titleW + 8, titleY, right - left - titleW - 8, lineH);
    } else if (!detail.isEmpty()) {
        detailRect = fm.boundingRect(QRect(left, y + 2, right - left, 10 * lineH),
                                     Qt::AlignLeft | Qt::TextWordWrap, detail);
        detailRect.setWidth(right - left);
        y = detailRect.bottom() + 1;
    }
    // The picture and the waiting threads, wrapping onto more lines.
    const int ph = lineH * 2;
    // A padlock's shackle rises a quarter of its height above the picture line.
    const int py =
        y + 5 + (row.kind == ObjectKind::Lock || row.kind == ObjectKind::RLock ? ph / 4 : 0);
    int x = left;
    int lineTop = py + (ph - chipH) / 2;
    int bottom = py + ph;
    const auto newLine = [&] {
        x = left + ph / 2;
        lineTop = bottom + 4;
        bottom = lineTop + chipH;
    };
    const auto place = [&](int w) {
        if (x > left && x + w > right) newLine();
        const QRect r(x, lineTop, w, chipH);
        x += w + 4;
        bottom = std::max(bottom, r.bottom() + 1);
        return r;
    };
    std::vector<std::pair<QRect, std::uint32_t>> chips;
    const auto placeChip = [&](std::uint32_t t) {
        chips.push_back({place(fm.horizontalAdvance(threadChipLabel(t)) + 10), t});
    };
    // Picture width per kind.
    int boxCount = 0, drawn = 0, bw = 0;
    switch (row.kind) {
        case ObjectKind::Lock:
        case ObjectKind::RLock:
            x += ph + 8;
            if (row.holder != core::kNone) placeChip(row.holder);
            break;
        case ObjectKind::Queue:
        case ObjectKind::Barrier:
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore: {
            const bool queue = row.kind == ObjectKind::Queue;
            boxCount = row.capacity > 0 ? row.capacity
                                        : std::max(row.value, queue ? row.highWater : row.value);
            boxCount = std::max(boxCount, row.value);
            drawn = std::min(boxCount, kMaxBoxes);
            bw = std::max(8, std::min(ph, ((right - left) * 2 / 3) / std::max(1, drawn)));
            x += drawn * (bw + 2) +
                 (boxCount > drawn ? fm.horizontalAdvance(QStringLiteral("\u2026")) + 4 : 0) + 8;
            break;
        }
        case ObjectKind::Event:
            x += ph + 8;
            break;
        case ObjectKind::Value: {
            QFont big = font();
            big.setBold(true);
            big.setPointSizeF(big.pointSizeF() * 1.3);
            x += QFontMetrics(big).horizontalAdvance(QString::number(row.value)) + 12;
            x += std::min(row.lostUpdates, kMaxBoxes) * (ph / 2 + 3) + 8;
            break;
        }
        case ObjectKind::Condition:
        case ObjectKind::Join:
            break;
    }
    const QString waitingLabel = tr("waiting:");
    QRect waitingRect;
    if (!row.waiters.empty()) {
        // The label stays on the line of the first waiter.
        const int lw = fm.horizontalAdvance(waitingLabel) + 6;
        const int first = fm.horizontalAdvance(threadChipLabel(row.waiters.front())) + 10;
        if (x > left && x + lw + first > right) newLine();
        waitingRect = place(lw);
        for (const std::uint32_t t : row.waiters) placeChip(t);
    }
    const int height = bottom - top + 8;
    if (!p) return height;

    // --- paint ---
    const QRect card(4, top, width - 8, height - 4);
    p->setPen(QPen(m_theme->grid(), 1));
    p->setBrush(i % 2 ? m_theme->alternateBackground() : m_theme->background());
    p->drawRoundedRect(card, 5, 5);
    p->setFont(bold);
    p->setPen(m_theme->text());
    p->drawText(QRect(left, titleY, titleW + 2, lineH), Qt::AlignLeft | Qt::AlignVCenter, title);
    p->setFont(font());
    p->setPen(row.kind == ObjectKind::Value && row.lostUpdates > 0 ? alert : m_theme->mutedText());
    if (!detail.isEmpty())
        p->drawText(
            detailRect,
            Qt::AlignLeft | (detailBeside ? Qt::AlignVCenter : Qt::AlignTop) | Qt::TextWordWrap,
            detail);
    x = left;
    switch (row.kind) {
        case ObjectKind::Lock:
        case ObjectKind::RLock: {
            // The lock as a padlock-like box in its holder's colour (grey when free).
            const QRect box(x, py, ph, ph);
            p->setPen(QPen(m_theme->text(), 1.5));
            p->setBrush(Qt::NoBrush);
            p->drawArc(QRect(box.left() + ph / 4, box.top() - ph / 4, ph / 2, ph / 2), 0, 180 * 16);
            p->setBrush(row.holder == core::kNone ? m_theme->grid()
                                                  : m_theme->threadColour(row.holder));
            p->drawRoundedRect(QRect(box.left(), box.top() + ph / 4, ph, ph * 3 / 4), 2, 2);
            break;
        }
        case ObjectKind::Queue:
        case ObjectKind::Barrier:
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore: {
            for (int k = 0; k < drawn; ++k) {
                const QRect b(x + k * (bw + 2), py, bw, ph);
                p->setPen(QPen(m_theme->text(), 1));
                p->setBrush(k < row.value ? QBrush(m_theme->marker()) : Qt::NoBrush);
                p->drawRect(b);
            }
            if (boxCount > drawn) {
                p->setPen(m_theme->text());
                p->drawText(QPoint(x + drawn * (bw + 2) + 2, py + fm.ascent()),
                            QStringLiteral("\u2026"));
            }
            if (row.kind == ObjectKind::Queue && row.highWater > 0 && row.highWater <= drawn) {
                // The high-water mark: a tick under the longest the queue has been.
                const int hx = x + row.highWater * (bw + 2) - 1;
                p->setPen(QPen(alert, 2));
                p->drawLine(hx, py - 2, hx, py + ph + 2);
            }
            break;
        }
        case ObjectKind::Event:
            p->setPen(QPen(m_theme->text(), 1));
            p->setBrush(row.value ? QColor(255, 200, 40) : m_theme->grid());
            p->drawEllipse(QRect(x, py, ph, ph));
            break;
        case ObjectKind::Value: {
            QFont big = font();
            big.setBold(true);
            big.setPointSizeF(big.pointSizeF() * 1.3);
            p->setFont(big);
            p->setPen(m_theme->text());
            const QString v = QString::number(row.value);
            const int vw = QFontMetrics(big).horizontalAdvance(v) + 12;
            p->drawText(QRect(x, py, vw, ph), Qt::AlignLeft | Qt::AlignVCenter, v);
            p->setFont(font());
            x += vw;
            for (int k = 0; k < std::min(row.lostUpdates, kMaxBoxes); ++k) {
                p->setPen(QPen(alert, 2));
                const QRect m(x + k * (ph / 2 + 3), py + ph / 4, ph / 2, ph / 2);
                p->drawLine(m.topLeft(), m.bottomRight());
                p->drawLine(m.topRight(), m.bottomLeft());
            }
            break;
        }
        case ObjectKind::Condition:
        case ObjectKind::Join:
            break;
    }
    if (!waitingRect.isNull()) {
        p->setPen(m_theme->mutedText());
        p->drawText(waitingRect, Qt::AlignLeft | Qt::AlignVCenter, waitingLabel);
    }
    for (const auto& [r, t] : chips) {
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->threadColour(t));
        p->drawRoundedRect(r, 4, 4);
        p->setPen(Theme::textOn(m_theme->threadColour(t)));
        p->drawText(r, Qt::AlignCenter, threadChipLabel(t));
    }
    return height;
}

}  // namespace taskscope::ui
