using FaqBot.Core.Evaluation;

namespace FaqBot.Core.Tests.Evaluation;

public sealed class ConfidenceCalibrationTests
{
    /// <summary>Rows drawn from a known logistic curve: the fit recovers its slope and intercept.</summary>
    [Fact]
    public void The_fit_recovers_a_known_calibration()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var score = random.NextDouble();
            return (score, random.NextDouble() < ConfidenceCalibration.Calibrate(score, 8, -4));
        }).ToList();

        var (slope, intercept) = ConfidenceCalibration.Fit(rows);

        Assert.InRange(slope, 7.2, 8.8);
        Assert.InRange(intercept, -4.4, -3.6);
    }

    /// <summary>High scores mostly right, out-of-scope questions scoring lower: the answer threshold keeps the
    /// wrong share within the limit out of fold, and the reported figures add up.</summary>
    [Fact]
    public void The_answer_threshold_keeps_wrong_answers_within_the_limit()
    {
        var random = new Random(11);
        var rows = new List<CalibrationRow>();
        for (var i = 0; i < 600; i++)
        {
            var outOfScope = i % 7 == 0;
            var score = outOfScope ? random.NextDouble() * 0.6 : random.NextDouble(); // out of scope scores lower
            var right = !outOfScope && random.NextDouble() < ConfidenceCalibration.Calibrate(score, 12, -6);
            rows.Add(new CalibrationRow(score, right, outOfScope, [(score, right), (score / 2, !right && !outOfScope)]));
        }

        var result = ConfidenceCalibration.Run(rows, maxWrong: 0.05, clarifyUseful: 0.5);

        Assert.True(result.Right > 100, ConfidenceCalibration.Format(result));
        Assert.True((double)result.Wrong / (result.Right + result.Wrong) <= 0.06, ConfidenceCalibration.Format(result));
        Assert.Equal(rows.Count, result.Right + result.Wrong + result.Clarified + result.Abstained);
        Assert.True(result.ClarifyConfidence <= result.AnswerConfidence);
        Assert.Contains("\"AnswerConfidence\"", ConfidenceCalibration.Format(result), StringComparison.Ordinal);
        Assert.NotEmpty(result.Reliability);
    }

    [Fact]
    public void A_stricter_limit_never_lowers_the_answer_threshold()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 400).Select(i =>
        {
            var score = random.NextDouble();
            var right = random.NextDouble() < score;
            return new CalibrationRow(score, right, false, [(score, right)]);
        }).ToList();

        var loose = ConfidenceCalibration.Run(rows, maxWrong: 0.2, clarifyUseful: 0.5);
        var strict = ConfidenceCalibration.Run(rows, maxWrong: 0.03, clarifyUseful: 0.5);

        Assert.True(strict.AnswerConfidence >= loose.AnswerConfidence);
        Assert.True(strict.Right <= loose.Right);
    }
}
