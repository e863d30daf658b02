Console.WriteLine("iamgraph");
