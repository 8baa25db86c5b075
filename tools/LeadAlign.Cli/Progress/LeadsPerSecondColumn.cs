using System;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LeadAlign.Cli.Progress
{
    /// <summary>The progress bar's column of leads done and the rate: <c>2,345/5,000 leads  187 leads/s</c>.</summary>
    public sealed class LeadsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var done = ((int)task.Value).ToString("#,0", CultureInfo.InvariantCulture) + "/" + ((int)task.MaxValue).ToString("#,0", CultureInfo.InvariantCulture) + " leads";
            var elapsed = task.ElapsedTime?.TotalSeconds ?? 0;
            var rate = task.Speed ?? (elapsed > 0 ? task.Value / elapsed : (double?)null);
            var speed = rate == null ? "- leads/s" : rate.Value.ToString("#,0", CultureInfo.InvariantCulture) + " leads/s";
            return new Text($"{done,-18} {speed,12}");
        }
    }
}
