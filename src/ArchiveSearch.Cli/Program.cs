Console.WriteLine("archive-search");
