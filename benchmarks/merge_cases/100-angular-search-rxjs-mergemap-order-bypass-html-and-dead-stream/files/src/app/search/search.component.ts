import { Component, OnInit } from '@angular/core';
import { FormControl } from '@angular/forms';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { debounceTime, mergeMap } from 'rxjs/operators';
import { SearchService, Hit } from './search.service';

@Component({
  selector: 'app-search',
  templateUrl: './search.component.html',
})
export class SearchComponent implements OnInit {
  query = new FormControl('');
  hits: Hit[] = [];
  snippets: SafeHtml[] = [];

  constructor(private search: SearchService, private sanitizer: DomSanitizer) {}

  ngOnInit(): void {
    this.query.valueChanges
      .pipe(
        debounceTime(300),
        mergeMap((q) => this.search.find(q ?? '')),
      )
      .subscribe((hits) => {
        this.hits = hits;
        this.snippets = hits.map((h) =>
          this.sanitizer.bypassSecurityTrustHtml(h.highlight),
        );
      });
  }
}
