using System.Globalization;
using System.Text;

namespace FaqBot.Core.Evaluation;

/// <summary>One labelled question as hybrid ranking saw it: the best candidate's score before
/// calibration, whether that candidate is the right snippet, whether the question is out of scope,
/// and the scores of the candidates that would be offered with it, each with whether it is right.</summary>
public sealed record CalibrationRow(double TopScore, bool TopRight, bool OutOfScope, IReadOnlyList<(double Score, bool Right)> Candidates);

/// <summary>What <c>faqbot calibrate</c> proposes: the calibration's slope and intercept, the
/// thresholds, and the out-of-fold figures they give.</summary>
public sealed record CalibrationResult(
    double Slope, double Intercept, double AnswerConfidence, double ClarifyConfidence,
    int Answerable, int OutOfScope, int Right, int Wrong, int Clarified, int Abstained, IReadOnlyList<string> Reliability);

/// <summary>
/// Fits the calibration of hybrid ranking's scores (Platt scaling: a logistic regression of
/// "the best candidate is right" on its score) and chooses the thresholds, by k-fold
/// cross-validation over labelled questions: every figure it reports is out of fold, taken on
/// questions whose calibration was fitted without them. The answer threshold is the lowest
/// confidence at which wrong answers (another snippet, or an out-of-scope question answered) stay
/// within the wanted share of the answers given; the clarify threshold is the lowest at which a
/// clarification still offers the right snippet at least as often as wanted.
/// </summary>
public static class ConfidenceCalibration
{
    public static (double Slope, double Intercept) Fit(IReadOnlyList<(double Score, bool Right)> rows)
    {
        // Newton's method on the log-likelihood, with a small ridge so a perfectly separable set still converges.
        double a = 1, b = 0;
        for (var step = 0; step < 100; step++)
        {
            double ga = 0, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-3;
            foreach (var (score, right) in rows)
            {
                var p = 1 / (1 + Math.Exp(-((a * score) + b)));
                var e = p - (right ? 1 : 0);
                var w = p * (1 - p);
                ga += e * score;
                gb += e;
                haa += w * score * score;
                hab += w * score;
                hbb += w;
            }

            ga += 1e-3 * a;
            gb += 1e-3 * b;
            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return (a, b);
    }

    public static CalibrationResult Run(IReadOnlyList<CalibrationRow> rows, double maxWrong, double clarifyUseful, int folds = 5)
    {
        var confidence = new double[rows.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = rows.Where((_, i) => i % folds != fold).Select(r => (r.TopScore, r.TopRight)).ToList();
            var (a, b) = Fit(train);
            for (var i = fold; i < rows.Count; i += folds)
            {
                confidence[i] = Calibrate(rows[i].TopScore, a, b);
            }
        }

        var (slope, intercept) = Fit([.. rows.Select(r => (r.TopScore, r.TopRight))]);
        var grid = Enumerable.Range(20, 80).Select(i => i / 100.0).ToList();
        var answer = grid.FirstOrDefault(t => WrongShare(rows, confidence, t) <= maxWrong, 1.0);

        // Out of fold, each candidate's confidence under the fold's calibration is monotone in its score,
        // so "offered at threshold t" is "its score maps to at least t" under the whole-set fit.
        var clarify = grid.Where(t => t <= answer).FirstOrDefault(t => UsefulShare(rows, confidence, answer, t, slope, intercept) >= clarifyUseful, answer);
        int right = 0, wrong = 0, clarified = 0, abstained = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (confidence[i] >= answer)
            {
                if (rows[i].TopRight) right++; else wrong++;
            }
            else if (rows[i].Candidates.Any(c => Calibrate(c.Score, slope, intercept) >= clarify))
            {
                clarified++;
            }
            else
            {
                abstained++;
            }
        }

        return new CalibrationResult(slope, intercept, answer, clarify, rows.Count(r => !r.OutOfScope), rows.Count(r => r.OutOfScope),
            right, wrong, clarified, abstained, Reliability(rows, confidence));
    }

    public static double Calibrate(double score, double slope, double intercept) => 1 / (1 + Math.Exp(-((slope * score) + intercept)));

    private static double WrongShare(IReadOnlyList<CalibrationRow> rows, double[] confidence, double threshold)
    {
        int given = 0, wrong = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (confidence[i] >= threshold)
            {
                given++;
                wrong += rows[i].TopRight ? 0 : 1;
            }
        }

        return given == 0 ? 0 : (double)wrong / given;
    }

    private static double UsefulShare(IReadOnlyList<CalibrationRow> rows, double[] confidence, double answer, double clarify, double slope, double intercept)
    {
        int offered = 0, useful = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var shown = rows[i].Candidates.Where(c => Calibrate(c.Score, slope, intercept) >= clarify).ToList();
            if (confidence[i] < answer && shown.Count > 0)
            {
                offered++;
                useful += shown.Any(c => c.Right) ? 1 : 0;
            }
        }

        return offered == 0 ? 1 : (double)useful / offered;
    }

    /// <summary>Out-of-fold confidence in bands of 0.1: how many questions, and how often the best candidate was right.</summary>
    private static List<string> Reliability(IReadOnlyList<CalibrationRow> rows, double[] confidence)
    {
        var lines = new List<string>();
        for (var band = 0; band < 10; band++)
        {
            var inBand = Enumerable.Range(0, rows.Count).Where(i => Math.Min(9, (int)(confidence[i] * 10)) == band).ToList();
            if (inBand.Count > 0)
            {
                var right = inBand.Count(i => rows[i].TopRight);
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{band / 10.0:0.0}-{(band + 1) / 10.0:0.0}: {inBand.Count,4} questions, mean confidence {inBand.Average(i => confidence[i]):0.00}, best candidate right {right}/{inBand.Count} = {(double)right / inBand.Count:0.00}"));
            }
        }

        return lines;
    }

    /// <summary>The proposal as text: figures, the reliability table and the settings to use.</summary>
    public static string Format(CalibrationResult r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{r.Answerable} answerable and {r.OutOfScope} out-of-scope questions; figures out of fold");
        text.AppendLine("reliability (calibrated confidence of the best candidate):");
        foreach (var line in r.Reliability)
        {
            text.AppendLine("  " + line);
        }

        var given = r.Right + r.Wrong;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"at AnswerConfidence {r.AnswerConfidence:0.00}: answered right {r.Right}/{r.Answerable} = {(double)r.Right / Math.Max(1, r.Answerable):0.000}, wrong {r.Wrong}/{given} = {(double)r.Wrong / Math.Max(1, given):0.000}, clarified {r.Clarified}, no answer {r.Abstained}");
        text.AppendLine("settings (Retrieval:Hybrid):");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  \"Slope\": {r.Slope:0.###}, \"Intercept\": {r.Intercept:0.###}, \"AnswerConfidence\": {r.AnswerConfidence:0.00}, \"ClarifyConfidence\": {r.ClarifyConfidence:0.00}");
        return text.ToString();
    }
}
