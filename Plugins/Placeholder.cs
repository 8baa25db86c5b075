namespace LeadAlign.Plugins { internal static class Placeholder { } }
