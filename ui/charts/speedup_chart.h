#pragma once

#include <QChartView>
#include <QStringList>

#include <vector>

namespace taskscope::ui {

class Theme;

// The speed-up of each run of a comparison against the first, as bars (Qt Charts): one bar per
// run, labelled with its settings and its value ("1.98×"). The Compare dock shows it; the
// comparison picture renders the same widget.
class SpeedupChart : public QChartView {
    Q_OBJECT
public:
    explicit SpeedupChart(QWidget* parent = nullptr);
    // `labels[i]` names run i ("cores 2, gil off"); `speedups[i]` its speed-up.
    void setRuns(const QStringList& labels, const std::vector<double>& speedups,
                 const QString& title);
    void applyTheme(const Theme& theme);
};

}  // namespace taskscope::ui
